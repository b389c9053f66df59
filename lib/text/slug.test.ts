import { describe, expect, it } from "vitest";
import { slugify } from "./slug";

// What articles_slug_check in the database accepts: a slug from slugify must always be storable.
const STORABLE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const TITLES = [
  "Lavrov: No War",
  "Russia Is Not Seeking War With U.S. and NATO, Lavrov Says",
  "Russia’s “red lines” — explained",
  "Crème brûlée à la française",
  "  --leading and trailing--  ",
  "2022: 12 months, 3 crises",
  "Ünïcödé ßtraße",
  "a".repeat(200),
  `${"word ".repeat(30)}end`,
];

describe("slugify", () => {
  it("makes the documented example", () => {
    expect(slugify("Lavrov: No War")).toBe("lavrov-no-war");
  });

  it.each(TITLES)("turns %j into a slug the database accepts, within the length limit", (title) => {
    const slug = slugify(title);
    expect(slug).toMatch(STORABLE);
    expect(slug.length).toBeLessThanOrEqual(80);
  });

  it.each(TITLES)("is idempotent on %j", (title) => {
    expect(slugify(slugify(title))).toBe(slugify(title));
  });

  it("drops accents instead of the letters carrying them", () => {
    expect(slugify("Crème brûlée")).toBe("creme-brulee");
  });

  it("joins words across apostrophes, straight or curly", () => {
    expect(slugify("Russia’s demand")).toBe("russias-demand");
    expect(slugify("Russia's demand")).toBe("russias-demand");
  });

  it("never ends on a hyphen when cut at the length limit", () => {
    const slug = slugify("abcd efgh ijkl", 5); // the cut falls right after "abcd-"
    expect(slug).toBe("abcd");
    expect(slugify("x".repeat(100), 10)).toHaveLength(10);
  });

  it("returns an empty string when nothing usable is left, so callers can refuse it", () => {
    expect(slugify("")).toBe("");
    expect(slugify("!!! — ???")).toBe("");
    expect(slugify("Лавров")).toBe(""); // Cyrillic has no ASCII decomposition
  });
});
