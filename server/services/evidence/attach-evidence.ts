import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { evidence, sources } from "@/db/schema";
import { InvalidUrlError } from "@/lib/url/canonicalize";
import { timeLocatorFromUrl } from "@/lib/url/time-locator";
import type { Database } from "@/db/types";
import type { Actor } from "../../actor";
import { InvalidInputError, NotFoundError } from "../../errors";
import { assertCan } from "../../policy";
import type { ServiceContext } from "../context";
import { requestFirstCaptures } from "../archive/capture-source";
import { recordAudit } from "../audit/record-audit";
import { idInput } from "../ids";
import { findOrCreateSource } from "../source/find-or-create-source";
import { excerptInput, locatorInput, noteInput, stanceInput } from "./evidence-input";
import { SOURCE_TYPES } from "@/lib/sources/vocabulary";
import { lockClaimForEvidence } from "./lock-editable-claim";
import { idempotencyKeyInput, runIdempotent } from "../idempotency";

const sourceTypeInput = z.enum(SOURCE_TYPES);

export const attachEvidenceInput = z
  .object({ idempotencyKey: idempotencyKeyInput,
    claimId: idInput,
    /** Either a pasted URL (matched to the registry by its canonical form) or a registry source id. */
    url: z.string().trim().min(1).max(2000).optional(),
    sourceId: idInput.optional(),
    /** Names a source that has no title yet (a freshly pasted URL); an existing title is never overwritten here. */
    sourceTitle: z.string().trim().min(1).max(500).optional(),
    /**
     * The rest of what the pasted page says about itself (source.previewMetadata), as the editor corrected it. Like
     * the title, each fills in only what the registry lacks; the type only on the source's first citation, and the
     * publisher's name only for a publisher new to the registry (which keeps the first name it was given).
     */
    sourceAuthor: z.string().trim().min(1).max(300).optional(),
    sourcePublishedOn: z.iso.date({ error: "Published on: use a date like 2026-03-14." }).optional(),
    sourceType: sourceTypeInput.optional(),
    sourcePublisherName: z.string().trim().min(1).max(200).optional(),
    stance: stanceInput,
    excerpt: excerptInput,
    locator: locatorInput,
    note: noteInput,
  })
  .refine((v) => (v.url === undefined) !== (v.sourceId === undefined), { message: "Paste a URL or pick a source from the registry (one of them)." });

async function resolveSource(tx: Database, actor: Actor, input: { url?: string; sourceId?: number; sourcePublisherName?: string }) {
  let source: typeof sources.$inferSelect | undefined;
  if (input.url !== undefined) {
    try {
      source = await findOrCreateSource(tx, actor, input.url, { publisherName: input.sourcePublisherName });
    } catch (error) {
      // Named by field, so the form shows the refusal beside the Source field.
      if (error instanceof InvalidUrlError) throw new InvalidInputError(error.message, "url");
      throw error;
    }
  } else {
    [source] = await tx.select().from(sources).where(eq(sources.id, input.sourceId!));
  }
  if (!source) throw new NotFoundError("That source");
  if (source.mergedIntoId === null) return source;
  // A merged duplicate stands for its survivor.
  const [survivor] = await tx.select().from(sources).where(eq(sources.id, source.mergedIntoId));
  if (!survivor) throw new NotFoundError("That source");
  return survivor;
}

type Source = typeof sources.$inferSelect;

/** Author, date and type from the pasted page's metadata, where the registry has none yet: one audited change. */
async function fillInSourceDetails(
  tx: Database,
  actor: Actor,
  source: Source,
  input: { sourceAuthor?: string; sourcePublishedOn?: string; sourceType?: Source["type"] },
  { firstCitation }: { firstCitation: boolean },
): Promise<Source> {
  const patch: Partial<Pick<Source, "author" | "publishedOn" | "type">> = {};
  if (input.sourceAuthor && !source.author) patch.author = input.sourceAuthor;
  if (input.sourcePublishedOn && !source.publishedOn) patch.publishedOn = input.sourcePublishedOn;
  if (input.sourceType && firstCitation && input.sourceType !== source.type) patch.type = input.sourceType;
  const fields = Object.keys(patch) as Array<keyof typeof patch>;
  if (fields.length === 0) return source;
  const [filled] = await tx.update(sources).set({ ...patch, updatedAt: new Date() }).where(eq(sources.id, source.id)).returning();
  if (!filled) throw new Error("source vanished while its details were filled in");
  await recordAudit(tx, actor, {
    action: "source.updated",
    entityId: source.id,
    before: Object.fromEntries(fields.map((f) => [f, source[f]])),
    after: Object.fromEntries(fields.map((f) => [f, filled[f]])),
  });
  return filled;
}

/** Links a source to a claim with a stance, an excerpt, a locator and a note. */
export async function attachEvidence(ctx: ServiceContext, rawInput: z.input<typeof attachEvidenceInput>) {
  assertCan(ctx.actor, "evidence.edit");
  const input = attachEvidenceInput.parse(rawInput);
  const attached = await runIdempotent(ctx, "evidence.attach", input.idempotencyKey, async (tx) => {
    const claim = await lockClaimForEvidence(tx, input.claimId);
    let source = await resolveSource(tx, ctx.actor, input);
    // A pasted video link's time is where the evidence is, when the editor gave no locator of their own.
    const locator = input.locator ?? (input.url === undefined ? undefined : (timeLocatorFromUrl(input.url) ?? undefined));
    if (input.sourceTitle && !source.title) {
      const [named] = await tx.update(sources).set({ title: input.sourceTitle, updatedAt: new Date() }).where(eq(sources.id, source.id)).returning();
      if (!named) throw new Error("source vanished while being named");
      await recordAudit(tx, ctx.actor, { action: "source.titled", entityId: named.id, before: { title: source.title }, after: { title: named.title } });
      source = named;
    }
    // Checked here for a clear message; the partial unique index still refuses a concurrent twin.
    const [twin] = await tx
      .select({ id: evidence.id })
      .from(evidence)
      .where(and(eq(evidence.claimId, claim.id), eq(evidence.sourceId, source.id), isNull(evidence.deletedAt), sql`coalesce(${evidence.locator}, '') = ${locator ?? ""}`));
    if (twin) {
      throw new InvalidInputError(
        `This source is already attached to this claim${locator ? ` at ${locator}` : ""}. Edit that evidence instead, or give a different locator.`,
      );
    }
    const [row] = await tx
      .insert(evidence)
      .values({
        claimId: input.claimId,
        sourceId: source.id,
        // Kept exactly as pasted: it is the link readers follow (decision 0021).
        url: input.url ?? null,
        stance: input.stance,
        excerpt: input.excerpt ?? null,
        locator: locator ?? null,
        note: input.note ?? null,
        createdBy: ctx.actor.kind === "user" ? ctx.actor.id : null,
      })
      .returning();
    if (!row) throw new Error("evidence insert returned no row");
    await recordAudit(tx, ctx.actor, {
      action: "evidence.added",
      entityId: row.id,
      claimId: claim.id,
      articleId: claim.articleId,
      after: { evidenceId: row.id, source: row.url ?? source.url ?? source.canonicalUrl, sourceTitle: source.title, stance: row.stance, excerpt: row.excerpt, locator: row.locator, note: row.note },
    });
    // The first citation of a source asks for its archived copy, in this transaction (nothing lost on a crash).
    const captures = await requestFirstCaptures(tx, ctx.actor, [source.id]);
    source = await fillInSourceDetails(tx, ctx.actor, source, input, { firstCitation: captures.includes(source.id) });
    return { ...row, source, captures };
  });
  const { captures, ...result } = attached;
  // Handed to the queue after the commit; if that fails, the queue re-sends queued captures when it starts.
  if (captures.length > 0) await ctx.jobs?.capturesRequested(captures).catch((error) => console.error("capture not queued yet", error));
  return result;
}
