import { describe, expect, it } from "vitest";
import { nameKey, normalizeTypography } from "./normalize";

describe("normalizeTypography", () => {
  it("drops quotation marks of every style but keeps apostrophes inside words", () => {
    expect(normalizeTypography("“We don’t want a war,” he said")).toBe("We don't want a war, he said");
    expect(normalizeTypography("«But we won't» and 'shameful' and „so”")).toBe("But we won't and shameful and so");
    expect(normalizeTypography("Ukraine’s border")).toBe("Ukraine's border");
  });

  it("reads thousands suffixes and spaced digit groups as numbers", () => {
    expect(normalizeTypography("100k troops")).toBe("100 thousand troops");
    expect(normalizeTypography("a $3.5m deal and 2bn euros")).toBe("a $3.5 million deal and 2 billion euros");
    expect(normalizeTypography("20m tonnes")).toBe("20 million tonnes");
    expect(normalizeTypography("100\u00a0000 troops")).toBe("100,000 troops");
  });

  it("leaves a bare 'm' that may be metres alone", () => {
    expect(normalizeTypography("the 100m final")).toBe("the 100m final");
  });

  it("turns dashes, ellipses and editorial brackets into plain separators", () => {
    expect(normalizeTypography("war \u2014 we [the West] … no")).toBe("war - we the West no");
  });
});

describe("nameKey", () => {
  it("folds case, diacritics and possessives", () => {
    expect(nameKey("Zelenskyy's")).toBe("zelenskyy");
    expect(nameKey("Łukašenka")).toBe("łukasenka".normalize("NFKD").replace(/\p{M}/gu, ""));
  });
});
