import { describe, expect, it } from "vitest";
import { analyzeClaim } from "./analyze";
import { FeatureCache, rankCandidates } from "./rank";
import { candidateQuery } from "./retrieval";

const CORPUS = [
  { id: "finland", text: "Russia has moved about 10,000 troops to its border with Finland", speaker: null },
  { id: "ukraine", text: "Moscow has amassed some 100,000 troops close to the border with Ukraine and in annexed Crimea.", speaker: null },
  { id: "inflation", text: "Inflation in the eurozone hit a record 5.1 percent in January", speaker: null },
  { id: "drills", text: "Russia and Belarus will hold joint military exercises from Feb. 10 to Feb. 20", speaker: null },
  { id: "reservists", text: "Finland's army has 280,000 trained reservists who can be called up in wartime", speaker: "Aino Virtanen" },
  { id: "peskov", text: "Peskov warned that Finnish membership in NATO would have serious consequences.", speaker: "Dmitry Peskov" },
];

describe("rankCandidates", () => {
  it("puts the same claim first and keeps the best `limit`, best first", () => {
    const ranked = rankCandidates({ text: "Russia has massed a hundred thousand soldiers near Ukraine's border" }, CORPUS, { limit: 3 });
    expect(ranked).toHaveLength(3);
    expect(ranked[0]!.id).toBe("ukraine");
    expect(ranked[0]!.same).toBe(true);
    expect(ranked.map((r) => r.score)).toEqual([...ranked.map((r) => r.score)].sort((a, b) => b - a));
    expect(ranked.slice(1).every((r) => !r.same)).toBe(true);
  });

  it("keeps the candidate's own fields", () => {
    const [top] = rankCandidates({ text: "Eurozone inflation reached 5.1% in January" }, CORPUS);
    expect(top).toMatchObject({ id: "inflation", text: CORPUS[2]!.text, same: true });
  });

  it("analyses each claim once per cache", () => {
    const cache = new FeatureCache();
    const first = cache.get(CORPUS[0]!);
    expect(cache.get({ ...CORPUS[0]! })).toBe(first);
    expect(cache.get({ text: CORPUS[0]!.text, speaker: "Someone" })).not.toBe(first);
  });

  it("forgets the oldest entries beyond its bound", () => {
    const cache = new FeatureCache(2);
    const first = cache.get(CORPUS[0]!);
    cache.get(CORPUS[1]!);
    cache.get(CORPUS[2]!);
    expect(cache.get(CORPUS[0]!)).not.toBe(first);
  });
});

describe("candidateQuery", () => {
  it("joins words and every spelling of a quantity with OR", () => {
    const query = candidateQuery(analyzeClaim("a hundred thousand soldiers near Kyiv"))!;
    const parts = query.split(" | ");
    expect(parts).toEqual(expect.arrayContaining(["100000", "(100 <-> 000)", "(100 <-> thousand)", "soldier", "troop", "ukraine"]));
  });

  it("never lets tsquery syntax through", () => {
    const query = candidateQuery(analyzeClaim("war' & !peace | (NATO:*) <-> 'x"))!;
    for (const part of query.split(" | ")) expect(part).toMatch(/^(\(.*\)|[a-z0-9.]+)$/);
    expect(query).not.toMatch(/[&!:*']/);
  });

  it("is null when nothing is searchable", () => {
    expect(candidateQuery(analyzeClaim("the of and"))).toBeNull();
  });
});
