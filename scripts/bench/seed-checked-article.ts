/**
 * Prepares a database in the state readers care about: the demo article with a set of claims that went
 * through the whole workflow (marked, evidence, verdict, review by a second editor) and are published.
 * Goes through the real services, so the bench measures what production would serve.
 */
import { readFileSync } from "node:fs";
import type { Database } from "@/db/types";
import type { Actor } from "@/server/actor";
import { getWorkspace } from "@/server/services/claim/get-workspace";
import { markClaim } from "@/server/services/claim/mark-claim";
import { setVerdict } from "@/server/services/claim/set-verdict";
import { changeClaimStatus } from "@/server/services/claim/change-status";
import { reviewVerdict } from "@/server/services/claim/review-verdict";
import { attachEvidence } from "@/server/services/evidence/attach-evidence";
import { createUser } from "@/server/services/user/create-user";
import { VERDICTS } from "@/lib/verdicts";

const system: Actor = { kind: "system", label: "bench seed" };

async function editor(db: Database, email: string, name: string): Promise<Actor> {
  const user = await createUser({ db, actor: system }, { email, name, role: "editor", password: "bench password 123" });
  return { kind: "user", id: user.id, role: "editor", name: user.name, email: user.email };
}

export async function seedCheckedArticle(db: Database, articleId: number, claimCount: number): Promise<number> {
  const checker = await editor(db, "checker@bench.local", "Ana Checker");
  const reviewer = await editor(db, "reviewer@bench.local", "Ben Reviewer");
  const { article } = await getWorkspace({ db, actor: checker }, articleId);
  const texts = (JSON.parse(readFileSync("lib/import/__fixtures__/seed-claims.json", "utf8")) as { claims: { text: string; kind: string }[] }).claims;
  let published = 0;
  for (const [index, { text, kind }] of texts.slice(0, claimCount).entries()) {
    const start = article.body.indexOf(text);
    if (start < 0) continue;
    const claim = await markClaim({ db, actor: checker }, { articleId, revisionId: article.revisionId, start, end: start + text.length, kind: kind as never });
    await attachEvidence({ db, actor: checker }, { claimId: claim.id, url: "https://www.youtube.com/watch?v=cxghDz524HQ", stance: "supports", excerpt: "Lavrov speaking to Russian radio stations.", locator: `0:${String(10 + index).padStart(2, "0")}` });
    const verdict = VERDICTS[index % VERDICTS.length]!;
    const withVerdict = await setVerdict({ db, actor: checker }, { claimId: claim.id, version: claim.version, verdict, rationale: `The recording and the transcript show what was said; claim ${index + 1} is rated ${verdict.replace("_", " ")}.` });
    const inReview = await changeClaimStatus({ db, actor: checker }, { claimId: claim.id, version: withVerdict.version, status: "in_review" });
    await reviewVerdict({ db, actor: reviewer }, { claimId: claim.id, version: inReview.version, decision: "approve", comment: "Checked the recording." });
    published++;
  }
  return published;
}
