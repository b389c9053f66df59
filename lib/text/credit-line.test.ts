import { describe, expect, it } from "vitest";
import { creditLine } from "./credit-line";

const iso = (d: string) => `<${d}>`;

describe("creditLine", () => {
  it("joins byline, publisher and date", () => {
    expect(creditLine({ byline: "Ana Rivera", publisherName: "The Moscow Times", publishedOn: "2022-01-28" }, iso)).toBe(
      "By Ana Rivera · The Moscow Times · <2022-01-28>",
    );
  });
  it("does not repeat a publisher that is the byline", () => {
    expect(creditLine({ byline: "The Moscow Times", publisherName: "The Moscow Times", publishedOn: null }, iso)).toBe("By The Moscow Times");
  });
  it("leaves out what is missing", () => {
    expect(creditLine({ byline: " ", publisherName: null, publishedOn: "2022-01-28" }, iso)).toBe("<2022-01-28>");
  });
});
