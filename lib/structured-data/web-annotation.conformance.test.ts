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
const claims: PublicClaim[] = seedClaims.claims.slice(0, VERDICTS.length).map((seed, i) => {
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
  };
});
const collection = buildAnnotationCollection({
  exportUrl: "http://localhost:3000/api/articles/russia-not-seeking-war-lavrov/annotations",
  articleUrl: "http://localhost:3000/a/russia-not-seeking-war-lavrov",
  articleTitle: "Russia Is Not Seeking War With U.S. and NATO, Lavrov Says",
  publisher: { name: "Factdesk", url: "http://localhost:3000" },
  claims,
});
const page = collection.first as JsonLd & { items: JsonLd[] };

type Item = JsonLd & { target: { selector: { type: string }[] } };

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

  it("items also pass the suite's optional must/should checks for body, target and properties", () => {
    for (const item of page.items) {
      for (const [ref, data] of [
        ["annotations.json#/definitions/motivationRecognizedIfPresent", item],
        ["otherProperties.json#/definitions/createdValidIfPresent", item],
        ["otherProperties.json#/definitions/creatorValidIfPresent", item],
        ["bodyTarget.json#/definitions/bodyResourcesFound", item.body],
        ["bodyTarget.json#/definitions/optionalBodyPropertiesMust", item.body],
        ["bodyTarget.json#/definitions/optionalBodyPropertiesShould", item.body],
        ["bodyTarget.json#/definitions/optionalBodyPurposePropertyShould", item.body],
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
  });
});
