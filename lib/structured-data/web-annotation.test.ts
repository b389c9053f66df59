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
};

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
        body: { type: "TextualBody", value: "Mostly false: Troop build-up says otherwise.", format: "text/plain", language: "en", purpose: "assessing" },
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

  it("passes only public fields through (no speaker or editor data in the annotation)", () => {
    const text = JSON.stringify(buildAnnotationCollection({ ...input, claims: [{ ...claim, editorNote: "secret" } as PublicClaim] }));
    expect(text).not.toContain("secret");
  });
});
