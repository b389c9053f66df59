import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./registry-cursor";

describe("registry cursor", () => {
  it("round-trips text and number keys", () => {
    expect(decodeCursor(encodeCursor({ key: "2026-12-01 10:00:00.123456+00", id: 7 }))).toEqual({ key: "2026-12-01 10:00:00.123456+00", id: 7 });
    expect(decodeCursor(encodeCursor({ key: 3, id: 12 }))).toEqual({ key: 3, id: 12 });
  });
  it("refuses what it did not make", () => {
    expect(decodeCursor("not a cursor")).toBeNull();
    expect(decodeCursor(Buffer.from(JSON.stringify({ key: "x", id: -1 })).toString("hex"))).toBeNull();
    expect(decodeCursor(Buffer.from("[1,2]").toString("hex"))).toBeNull();
  });
});
