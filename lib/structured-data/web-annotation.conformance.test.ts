import { readdirSync, readFileSync } from "node:fs";
import Ajv from "ajv-draft-04";
import { beforeAll, describe, expect, it } from "vitest";
import { anchorExactly } from "../anchoring";
import { parseArticleText } from "../import/parse-article-text";
import seedClaims from "../import/__fixtures__/seed-claims.json";
import type { Verdict } from "../verdicts";
import type { JsonLd } from "./claim-review";
import type { PublicClaim } from "./types";
import { buildAnnotationCollection } from "./web-annotation";

// The W3C annotation-model test-suite schemas (draft-04), copied with their provenance and licence
// note in tests/conformance/w3c-annotation-model/ORIGIN.md.
const DEFINITIONS = new URL("../../tests/conformance/w3c-annotation-model/definitions/", import.meta.url);

// The suite validates `format: uri` / `date-time`; without these ajv would skip them (strict: false),
// and a relative id or a malformed date would pass.
function isAbsoluteUri(value: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:\S*$/i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function createValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat("uri", isAbsoluteUri);
  ajv.addFormat("date-time", (value: string) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)));
  const files = readdirSync(DEFINITIONS).filter((name) => name.endsWith(".json"));
  for (const name of files) ajv.addSchema(JSON.parse(readFileSync(new URL(name, DEFINITIONS), "utf8")));
  return {
    files,
    /** Returns ajv's errors (empty when valid), so a failing expectation shows why. */
    check(ref: string, data: unknown) {
      const validate = ajv.getSchema(ref);
      if (!validate) throw new Error(`Schema ${ref} not found`);
      return validate(data) ? [] : (validate.errors ?? [{ message: "invalid" }]);
    },
  };
}

// A realistic export: the demo article body with claims at their real offsets, several in curly quotes.
const body = parseArticleText(readFileSync(new URL("../import/__fixtures__/seed-article.txt", import.meta.url), "utf8")).body;
const VERDICTS: Verdict[] = ["true", "misleading", "unverifiable", "mostly_false", "false", "mixed"];
// Evidence of every shape the export writes: excerpt and timestamp, a page locator, a bare link.
const EVIDENCE: PublicClaim["sources"][] = [
  [
    { id: 1, stance: "refutes", excerpt: "Troops are “moving” <east>.", locator: "1:02:03", url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ", title: "Briefing", sourceType: "video", publisherName: "Reuters" },
    { id: 2, stance: "context", excerpt: null, locator: "p. 4", url: "http://mid.ru/en/statement?id=7", title: null, sourceType: "official_statement", publisherName: null },
  ],
  [{ id: 3, stance: "supports", excerpt: "Figures for 2021.", locator: null, url: "https://data.example.org/troops.csv", title: "Troop levels", sourceType: "dataset", publisherName: "IISS" }],
  [],
];
const seeded: PublicClaim[] = seedClaims.claims.slice(0, VERDICTS.length).map((seed, i) => {
  const start = body.indexOf(seed.text);
  if (start < 0) throw new Error(`Seed claim not in body: ${seed.text}`);
  const { quote } = anchorExactly(body, start, start + seed.text.length);
  return {
    id: 100 + i,
    start,
    end: start + seed.text.length,
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    speaker: "speaker" in seed ? (seed.speaker ?? null) : null,
    verdict: VERDICTS[i]!,
    rationale: `Rationale ${i} with “quotes” & <markup>.`,
    publishedAt: new Date(Date.UTC(2024, 4, 2, 10, i)),
    sources: EVIDENCE[i % EVIDENCE.length]!,
  };
});
// Newest first, as a "latest verdicts" query would hand them over: the export must still be in text order.
const claims = [...seeded].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
const collection = buildAnnotationCollection({
  exportUrl: "http://localhost:3000/api/articles/russia-not-seeking-war-lavrov/annotations",
  articleUrl: "http://localhost:3000/a/russia-not-seeking-war-lavrov",
  articleTitle: "Russia Is Not Seeking War With U.S. and NATO, Lavrov Says",
  publisher: { name: "Factdesk", url: "http://localhost:3000" },
  claims,
});
const page = collection.first as JsonLd & { items: JsonLd[] };

type Item = JsonLd & { target: { selector: { type: string }[] }; body: JsonLd[] };

/** Every body resource, with the items of a Composite in place of the Composite itself. */
function bodyResources(item: JsonLd): JsonLd[] {
  return (item as Item).body.flatMap((body) => (body.type === "Composite" ? (body.items as JsonLd[]) : [body]));
}

/** The required entry points, applied to the parts each definition is written for. */
function requiredChecks(item: JsonLd): [string, unknown][] {
  const selectors = (item as Item).target?.selector ?? [];
  return [
    ["annotations.json#/definitions/contextValueFound", item["@context"]],
    ["id.json#/definitions/idValueFound", item],
    ["annotations.json#/definitions/annotationTypeValueFound", item],
    ["bodyTarget.json#/definitions/targetResourcesFound", item.target],
    ...selectors.map((s): [string, unknown] => [
      s.type === "TextQuoteSelector" ? "specificResource.json#/definitions/textQuoteSelectorDetected" : "specificResource.json#/definitions/textPositionSelectorDetected",
      s,
    ]),
  ];
}

describe("Web Annotation export conforms to the W3C annotation-model schemas", () => {
  let validator: ReturnType<typeof createValidator>;
  beforeAll(() => {
    validator = createValidator();
  });

  it("loads every definitions file", () => {
    expect(validator.files).toHaveLength(21);
  });

  it("builds the fixture from real offsets, curly quotes included", () => {
    expect(page.items).toHaveLength(VERDICTS.length);
    for (const claim of claims) expect(body.slice(claim.start, claim.end)).toBe(claim.exact);
    expect(claims.filter((c) => /[“”’]/.test(c.exact)).length).toBeGreaterThanOrEqual(3);
  });

  it.each(page.items.map((item) => [item.id, item] as const))("item %s passes every required entry point", (_id, item) => {
    const checks = requiredChecks(item);
    expect(checks).toHaveLength(6);
    for (const [ref, data] of checks) expect({ ref, errors: validator.check(ref, data) }).toEqual({ ref, errors: [] });
  });

  it("lists the items in text order, with speaker and evidence bodies", () => {
    const starts = page.items.map((item) => ((item as Item).target.selector[1] as unknown as { start: number }).start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(page.items.map((item) => item.id)).not.toEqual(claims.map((claim) => `${collection.id}#claim-${claim.id}`));
    const bodies = page.items.flatMap((item) => (item as Item).body);
    expect(bodies.filter((body) => body.type === "Composite")).toHaveLength(claims.reduce((n, claim) => n + claim.sources.length, 0));
    expect(bodies.filter((body) => body.purpose === "describing").length).toBe(claims.filter((claim) => claim.speaker).length);
    expect(bodies.filter((body) => body.purpose === "describing").length).toBeGreaterThan(0);
  });

  it("every body and every part of a Composite passes the body definitions", () => {
    for (const item of page.items) {
      for (const body of (item as Item).body) expect(validator.check("bodyTarget.json#/definitions/bodyResourcesFound", body)).toEqual([]);
      for (const resource of bodyResources(item)) {
        for (const ref of [
          "bodyTarget.json#/definitions/bodyResourcesFound",
          "bodyTarget.json#/definitions/optionalBodyPropertiesMust",
          "bodyTarget.json#/definitions/optionalBodyPropertiesShould",
          "bodyTarget.json#/definitions/optionalBodyPurposePropertyShould",
        ]) {
          expect({ ref, errors: validator.check(ref, resource) }).toEqual({ ref, errors: [] });
        }
        const source = resource.source as JsonLd | undefined;
        if (source) {
          expect(validator.check("bodyTarget.json#/definitions/externalWebResourceDetected", source)).toEqual([]);
          expect(validator.check("bodyTarget.json#/definitions/resourceTypeRecognizedIfPresent", source)).toEqual([]);
          for (const selector of (resource.selector ?? []) as JsonLd[]) {
            const ref = selector.type === "FragmentSelector" ? "specificResource.json#/definitions/conformsToPropertyFound" : "specificResource.json#/definitions/textQuoteSelectorDetected";
            expect({ ref, errors: validator.check(ref, selector) }).toEqual({ ref, errors: [] });
          }
        }
      }
    }
  });

  it("items also pass the suite's optional must/should checks for target and properties", () => {
    for (const item of page.items) {
      for (const [ref, data] of [
        ["annotations.json#/definitions/motivationRecognizedIfPresent", item],
        ["otherProperties.json#/definitions/createdValidIfPresent", item],
        ["otherProperties.json#/definitions/creatorValidIfPresent", item],
        ["annotations.json#/definitions/bodyValueValidIfPresent", item],
        ["bodyTarget.json#/definitions/optionalTargetPropertiesMust", item.target],
        ["bodyTarget.json#/definitions/optionalTargetPropertiesShould", item.target],
      ] as const) {
        expect({ ref, errors: validator.check(ref, data) }).toEqual({ ref, errors: [] });
      }
    }
  });

  it("the collection and its page pass the collection definitions", () => {
    for (const [ref, data] of [
      ["collections.json#/definitions/contextValueFound", collection["@context"]],
      ["id.json#/definitions/idValueFound", collection],
      ["collections.json#/definitions/annotationCollectionTypeValueFound", collection],
      ["collections.json#/definitions/labelFound", collection],
      ["collections.json#/definitions/totalDefinition", collection],
      ["collections.json#/definitions/firstRequiredIfTotalMoreThanZero", collection],
      ["collections.json#/definitions/firstValidIfPresent", collection],
      ["collections.json#/definitions/lastValidIfPresent", collection],
      ["id.json#/definitions/idValueFound", page],
      ["collections.json#/definitions/annotationPageTypeValueFound", page],
      ["collections.json#/definitions/itemsFound", page],
      ["collections.json#/definitions/partOfValidIfPresent", page],
      ["collections.json#/definitions/startIndexDefinition", page],
    ] as const) {
      expect({ ref, errors: validator.check(ref, data) }).toEqual({ ref, errors: [] });
    }
  });

  it("rejects broken items, so the checks above can fail", () => {
    const good = page.items[0]!;
    const fails = (ref: string, data: unknown) => validator.check(`${ref}`, data).length > 0;
    const { target: _target, ...withoutTarget } = good;
    expect(fails("bodyTarget.json#/definitions/targetResourcesFound", withoutTarget.target)).toBe(true);
    expect(fails("annotations.json#/definitions/contextValueFound", "https://schema.org")).toBe(true);
    expect(fails("id.json#/definitions/idValueFound", { ...good, id: "claim-1" })).toBe(true);
    expect(fails("annotations.json#/definitions/annotationTypeValueFound", { ...good, type: "ClaimReview" })).toBe(true);
    expect(fails("bodyTarget.json#/definitions/targetResourcesFound", { selector: (good as Item).target.selector })).toBe(true);
    expect(fails("specificResource.json#/definitions/textQuoteSelectorDetected", { type: "TextQuoteSelector", prefix: "x" })).toBe(true);
    expect(fails("specificResource.json#/definitions/textPositionSelectorDetected", { type: "TextPositionSelector", start: -1, end: 4 })).toBe(true);
    expect(fails("otherProperties.json#/definitions/createdValidIfPresent", { ...good, created: "2 May 2024" })).toBe(true);
    expect(fails("bodyTarget.json#/definitions/bodyResourcesFound", { type: "Composite" })).toBe(true);
    expect(fails("specificResource.json#/definitions/specificeResourceDetected", { source: "not a uri", purpose: "linking" })).toBe(true);
    // Why the stance is a classifying TextualBody: it is not one of the model's purposes.
    expect(fails("bodyTarget.json#/definitions/optionalBodyPurposePropertyShould", { type: "TextualBody", value: "x", purpose: "refutes" })).toBe(true);
  });
});
