import { describe, expect, it } from "vitest";
import { analyzeClaim, quantityKey, speakerKey } from "./analyze";

describe("analyzeClaim: quantities", () => {
  it.each([
    ["Moscow has amassed some 100,000 troops", "100000"],
    ["a hundred thousand soldiers", "100000"],
    ["100k troops", "100000"],
    ["some 100 000 troops", "100000"],
    ["1.2 million tonnes", "1200000"],
    ["20m tonnes of grain", "20000000"],
    ["prices rose 7.5%", "7.5"],
    ["prices rose 7.5 percent", "7.5"],
    ["Fifty-three percent of Finns", "53"],
  ])("reads %s as %s", (text, value) => {
    expect([...analyzeClaim(text).quantities]).toEqual([value]);
  });

  it("tells 10,000 from 100,000", () => {
    expect([...analyzeClaim("10,000 troops").quantities]).toEqual(["10000"]);
  });

  it("keeps a year but not weekdays or day numbers of a date", () => {
    expect([...analyzeClaim("Inflation hit 5.1 percent in January 2022").quantities].sort()).toEqual(["2022", "5.1"]);
    expect([...analyzeClaim("NATO rejected the demand on Wednesday").quantities]).toEqual([]);
  });

  it("spells each value once", () => {
    expect(quantityKey(100000)).toBe("100000");
    expect(quantityKey(0.1 + 0.2)).toBe("0.3");
  });
});

describe("analyzeClaim: places and names", () => {
  it("folds capitals and nationality adjectives into their country", () => {
    expect([...analyzeClaim("Moscow has amassed troops near the Ukrainian border").places].sort()).toEqual(["russia", "ukraine"]);
    expect([...analyzeClaim("The U.S. and Washington's allies").places]).toEqual(["united states"]);
  });

  it("knows a person by surname, without the title", () => {
    const features = analyzeClaim("Foreign Minister Sergei Lavrov met Antony Blinken.");
    expect([...features.names].sort()).toEqual(["blinken", "lavrov"]);
  });

  it("splits a place that runs into a name", () => {
    const features = analyzeClaim("U.S. Ambassador to Moscow John Sullivan spoke.");
    expect(features.places.has("russia")).toBe(true);
    expect(features.names.has("sullivan")).toBe(true);
  });

  it("reads the speaker from the text when none is given", () => {
    expect(analyzeClaim("Peskov said Russia does not want war.").speaker).toBe("peskov");
    expect(analyzeClaim("Russia does not want war, said Lavrov.").speaker).toBe("lavrov");
    // The object of a verb of saying is not its speaker.
    expect(analyzeClaim("Sullivan likened Lavrov's comments to a threat.").speaker).toBe("sullivan");
  });

  it("treats a capitalised sentence opener as a word unless a verb of saying follows", () => {
    const features = analyzeClaim("Inflation rose in the eurozone.");
    expect(features.names.size).toBe(0);
    expect(features.terms.has("inflation")).toBe(true);
  });

  it("keys speakers by surname", () => {
    expect(speakerKey("Foreign Minister Sergei Lavrov")).toBe("lavrov");
    expect(speakerKey("Lavrov")).toBe("lavrov");
    expect(speakerKey(null)).toBeNull();
    expect(speakerKey("  ")).toBeNull();
  });
});

describe("analyzeClaim: words", () => {
  it("lemmatises and folds synonyms", () => {
    const a = analyzeClaim("Russia has massed soldiers near the border");
    const b = analyzeClaim("Moscow amassed troops close to the frontier");
    for (const term of ["amass", "troop", "near", "border", "@russia"]) {
      expect(a.terms.has(term), `${term} in a`).toBe(true);
      expect(b.terms.has(term), `${term} in b`).toBe(true);
    }
  });

  it("marks what a negation governs, not the rest of the sentence", () => {
    const features = analyzeClaim("Outside forces he did not identify seek to provoke Ukraine.");
    expect(features.polarity.get("identify")).toBe("negated");
    expect(features.polarity.has("seek")).toBe(false);
  });

  it("gives the same features whatever the quote marks", () => {
    const curly = analyzeClaim("“If it depends on Russia, there will be no war. We don’t want a war,”");
    const straight = analyzeClaim("\"If it depends on Russia, there will be no war. We don't want a war,\"");
    expect([...straight.terms]).toEqual([...curly.terms]);
    expect([...straight.polarity]).toEqual([...curly.polarity]);
  });
});

describe("analyzeClaim: words that are also names of built-in properties", () => {
  // Found by the hostile-input suite: "constructor" looked up in a plain word list returned Object's constructor.
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty", "Constructor said the valueOf"])("reads %j as words", (text) => {
    const features = analyzeClaim(text);
    expect([...features.places].every((place) => typeof place === "string")).toBe(true);
    expect(features.places.has("constructor")).toBe(false);
  });
});
