import { describe, expect, it } from "vitest";
import type { PublicClaim } from "./types";
import { ANNOTATION_CONTEXT, buildAnnotationCollection } from "./web-annotation";

const input = {
  exportUrl: "https://factdesk.example/api/articles/lavrov/annotations",
  articleUrl: "https://factdesk.example/a/lavrov",
  articleTitle: "Lavrov Says",
  publisher: { name: "Factdesk", url: "https://factdesk.example" },
};
const claim: PublicClaim = {
  id: 7,
  start: 120,
  end: 142,
  exact: "We don’t want a war",
  prefix: "“If it depends on Russia, ",
  suffix: ",” Foreign Minister",
  speaker: "Sergei Lavrov",
  verdict: "mostly_false",
  rationale: "Troop build-up says otherwise.",
  publishedAt: new Date("2024-05-02T10:30:00Z"),
  sources: [],
};
const video = {
  id: 31,
  stance: "refutes" as const,
  excerpt: "We are moving troops to the border.",
  locator: "1:02",
  url: "https://www.youtube.com/watch?v=abc",
  title: "Briefing",
  sourceType: "video" as const,
  publisherName: "Reuters",
};

function items(claims: PublicClaim[]) {
  return (buildAnnotationCollection({ ...input, claims }).first as { items: { id: string; body: unknown[] }[] }).items;
}

describe("buildAnnotationCollection", () => {
  it("wraps published claims in one embedded page", () => {
    const collection = buildAnnotationCollection({ ...input, claims: [claim, { ...claim, id: 8 }] });
    expect(collection).toMatchObject({
      "@context": ANNOTATION_CONTEXT,
      id: input.exportUrl,
      type: "AnnotationCollection",
      total: 2,
      last: `${input.exportUrl}#page-1`,
      first: { id: `${input.exportUrl}#page-1`, type: "AnnotationPage", partOf: input.exportUrl, startIndex: 0 },
    });
    expect(collection.label).toBe("Fact-checks of “Lavrov Says” by Factdesk");
  });

  it("turns a claim into an assessing annotation with both selectors", () => {
    const collection = buildAnnotationCollection({ ...input, claims: [claim] });
    const page = collection.first as { items: unknown[] };
    expect(page.items).toEqual([
      {
        "@context": ANNOTATION_CONTEXT,
        id: `${input.exportUrl}#claim-7`,
        type: "Annotation",
        motivation: "assessing",
        created: "2024-05-02T10:30:00.000Z",
        creator: { type: "Organization", name: "Factdesk", homepage: "https://factdesk.example" },
        body: [
          { type: "TextualBody", value: "Mostly false: Troop build-up says otherwise.", format: "text/plain", language: "en", purpose: "assessing" },
          { type: "TextualBody", value: "Speaker: Sergei Lavrov", format: "text/plain", purpose: "describing" },
        ],
        target: {
          source: input.articleUrl,
          selector: [
            { type: "TextQuoteSelector", exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix },
            { type: "TextPositionSelector", start: 120, end: 142 },
          ],
        },
      },
    ]);
  });

  it("is an empty collection without pages when nothing is published", () => {
    const collection = buildAnnotationCollection({ ...input, claims: [] });
    expect(collection.total).toBe(0);
    expect(collection).not.toHaveProperty("first");
    expect(collection).not.toHaveProperty("last");
  });

  it("adds each evidence link as a Composite of the linked source and its stance", () => {
    const document = { ...video, id: 32, stance: "supports" as const, excerpt: null, locator: "p. 4", url: "http://mid.ru/statement", title: null, sourceType: "official_statement" as const, publisherName: null };
    const [item] = items([{ ...claim, sources: [video, document] }]);
    expect(item!.body.slice(2)).toEqual([
      {
        type: "Composite",
        items: [
          {
            purpose: "linking",
            source: { id: "https://www.youtube.com/watch?v=abc", type: "Video" },
            selector: [
              { type: "TextQuoteSelector", exact: "We are moving troops to the border." },
              { type: "FragmentSelector", conformsTo: "http://www.w3.org/TR/media-frags/", value: "t=62" },
            ],
          },
          { type: "TextualBody", value: "Refutes the claim: Reuters: Briefing at 1:02", format: "text/plain", purpose: "classifying" },
        ],
      },
      {
        type: "Composite",
        items: [
          { purpose: "linking", source: { id: "http://mid.ru/statement", type: "Text" } },
          { type: "TextualBody", value: "Supports the claim: http://mid.ru/statement (p. 4)", format: "text/plain", purpose: "classifying" },
        ],
      },
    ]);
  });

  it("leaves out the speaker body when nobody is named", () => {
    const [item] = items([{ ...claim, speaker: null }]);
    expect(item!.body).toHaveLength(1);
    expect(JSON.stringify(item)).not.toContain("Speaker");
  });

  it("lists annotations in text order whatever order the claims come in", () => {
    const late = { ...claim, id: 3, start: 900, end: 910, publishedAt: new Date("2024-06-01T00:00:00Z") };
    const early = { ...claim, id: 9, start: 10, end: 40, publishedAt: new Date("2024-01-01T00:00:00Z") };
    const nested = { ...claim, id: 5, start: 10, end: 20 };
    expect(items([late, claim, early, nested]).map((item) => item.id.split("#")[1])).toEqual(["claim-5", "claim-9", "claim-7", "claim-3"]);
  });

  it("passes only public fields through (no editor data in the annotation)", () => {
    // What a careless `select *` would hand over: the builder must read only PublicClaim's fields.
    const evidenceRow = { ...video, note: "secret-evidence-note", addedByEmail: "ana@example.org" };
    const claimRow = { ...claim, editorNote: "secret-note", draftVerdict: "secret-draft" };
    const leaky: PublicClaim = { ...claimRow, sources: [evidenceRow] };
    const text = JSON.stringify(buildAnnotationCollection({ ...input, claims: [leaky] }));
    expect(text).not.toContain("secret");
    expect(text).not.toContain("ana@example.org");
  });
});
