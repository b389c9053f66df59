import { describe, expect, it } from "vitest";
import { analyzeClaim } from "./analyze";
import { compareClaims, SAME_THRESHOLD } from "./score";

const SEED_TROOPS = { text: "Moscow has amassed some 100,000 troops close to the border with Ukraine and in annexed Crimea.", speaker: null };
const SEED_NO_WAR = { text: "“If it depends on Russia, there will be no war. We don’t want a war,”", speaker: "Sergei Lavrov" };

describe("compareClaims: the same claim", () => {
  it("matches reworded numbers and synonyms", () => {
    const match = compareClaims(SEED_TROOPS, { text: "Russia has massed a hundred thousand soldiers near Ukraine's border and in Crimea." });
    expect(match.vetoes).toEqual([]);
    expect(match.same).toBe(true);
  });

  it("ignores typography and quote marks entirely", () => {
    const match = compareClaims(SEED_NO_WAR, { text: "If it depends on Russia there will be no war - we don't want a war", speaker: "Lavrov" });
    expect(match.score).toBe(1);
    expect(match.same).toBe(true);
  });

  it("scores the same speaker above an unknown one, for the same words", () => {
    const text = "Russia will never accept NATO troops in Ukraine.";
    const same = compareClaims({ text, speaker: "Dmitry Peskov" }, { text, speaker: "Peskov" });
    const unknown = compareClaims({ text, speaker: "Dmitry Peskov" }, { text, speaker: null });
    expect(same.score).toBeGreaterThan(unknown.score);
    expect(unknown.same).toBe(true);
  });
});

describe("compareClaims: vetoes that make a match never `same`", () => {
  it("a different quantity (10,000 vs 100,000)", () => {
    const match = compareClaims(SEED_TROOPS, { text: "Moscow has amassed some 10,000 troops close to the border with Ukraine and in annexed Crimea." });
    expect(match.textScore).toBeGreaterThan(SAME_THRESHOLD);
    expect(match.vetoes).toContain("quantity");
    expect(match.same).toBe(false);
  });

  it("a different place (Finland vs Ukraine), however alike the rest", () => {
    const match = compareClaims(
      { text: "Russia has moved about 10,000 troops to its border with Finland" },
      { text: "Russia has moved about 10,000 troops to its border with Estonia" },
    );
    expect(match.vetoes).toEqual(["entity"]);
    expect(match.same).toBe(false);
  });

  it("10,000 near Finland is not 100,000 near Ukraine", () => {
    const match = compareClaims(SEED_TROOPS, { text: "Moscow has amassed some 10,000 troops close to the border with Finland." });
    expect(match.vetoes).toEqual(expect.arrayContaining(["quantity", "entity"]));
    expect(match.same).toBe(false);
  });

  it("a different speaker, given or read from the text (Lavrov said is not Peskov said)", () => {
    const given = compareClaims(SEED_NO_WAR, { text: SEED_NO_WAR.text, speaker: "Dmitry Peskov" });
    expect(given.vetoes).toContain("speaker");
    expect(given.same).toBe(false);
    const fromText = compareClaims(SEED_NO_WAR, { text: "“If it depends on Russia, there will be no war. We don’t want a war,” Peskov said." });
    expect(fromText.same).toBe(false);
    expect(fromText.vetoes).toContain("speaker");
  });

  it("the opposite claim: a negation, or an antonym", () => {
    const negated = compareClaims(
      { text: "Russia is not seeking war with the United States and NATO", speaker: "Sergei Lavrov" },
      { text: "Lavrov said Russia is seeking a war with the United States and NATO." },
    );
    expect(negated.vetoes).toEqual(["negation"]);
    const antonym = compareClaims(
      { text: "Wheat futures in Chicago rose 5 percent on Thursday." },
      { text: "Wheat futures in Chicago fell 5 percent on Thursday." },
    );
    expect(antonym.vetoes).toEqual(["negation"]);
    expect(antonym.same).toBe(false);
  });

  it("ranks a vetoed candidate below an unvetoed one with the same words", () => {
    const query = { text: "Russia has moved about 10,000 troops to its border with Finland" };
    const vetoed = compareClaims(query, { text: "Russia has moved about 100,000 troops to its border with Finland" });
    const clean = compareClaims(query, { text: "Russia has sent about 10,000 soldiers to the Finnish border" });
    expect(clean.score).toBeGreaterThan(vetoed.score);
  });
});

describe("compareClaims: not the same claim without a veto", () => {
  it("shared people and places alone are not enough", () => {
    const match = compareClaims(
      { text: "Russia has moved about 100,000 troops to its border with Finland" },
      { text: "Kremlin spokesman Dmitry Peskov said the troop movements were an internal matter and posed no threat to Finland.", speaker: "Dmitry Peskov" },
    );
    expect(match.same).toBe(false);
  });

  it("unrelated text scores near zero and an empty claim scores zero", () => {
    expect(compareClaims(SEED_TROOPS, { text: "Core inflation fell to 2.3 percent." }).score).toBeLessThan(0.1);
    expect(compareClaims({ text: "the" }, { text: "of" }).score).toBe(0);
  });
});

it("analysis is deterministic", () => {
  expect([...analyzeClaim(SEED_TROOPS.text).terms]).toEqual([...analyzeClaim(SEED_TROOPS.text).terms]);
});
