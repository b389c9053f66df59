import { describe, expect, it } from "vitest";
import { FetchError } from "./errors";

describe("FetchError", () => {
  it("is recognised across copies of the module (the brand, not the class object, decides)", () => {
    expect(new FetchError("dns", "example.org could not be resolved")).toBeInstanceOf(FetchError);
    // What an error thrown by another copy of this module looks like from here.
    const fromAnotherCopy = Object.assign(new Error("refused"), { kind: "refused", [Symbol.for("factdesk.fetch-error")]: true });
    expect(fromAnotherCopy instanceof FetchError).toBe(true);
    expect(new Error("plain") instanceof FetchError).toBe(false);
  });
});
