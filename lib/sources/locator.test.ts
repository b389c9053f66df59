import { describe, expect, it } from "vitest";
import { locatorForPastedLink, urlAtLocator } from "./locator";

describe("links kept as pasted (issue 9 item 2)", () => {
  it("an http:// link stays http://, with or without a locator", () => {
    expect(urlAtLocator("http://example.org/report?id=7", null)).toBe("http://example.org/report?id=7");
    expect(urlAtLocator("http://example.org/report", "p. 12")).toBe("http://example.org/report");
    expect(urlAtLocator("http://www.youtube.com/watch?v=cxghDz524HQ", "1:02:03")).toBe("http://www.youtube.com/watch?v=cxghDz524HQ&t=3723s");
  });

  it("https://youtu.be/ID?t=42 fills the locator with 0:42, and the link opens the video there", () => {
    const pasted = "https://youtu.be/cxghDz524HQ?t=42";
    const field = locatorForPastedLink({ locator: "", fromLink: false }, pasted);
    expect(field).toEqual({ locator: "0:42", fromLink: true });
    expect(urlAtLocator(pasted, field.locator)).toBe("https://youtu.be/cxghDz524HQ?t=42s");
  });
});

describe("locatorForPastedLink", () => {
  it("follows the link while the locator is the link's own time", () => {
    const first = locatorForPastedLink({ locator: "", fromLink: false }, "https://youtu.be/cxghDz524HQ?t=42");
    expect(locatorForPastedLink(first, "https://youtu.be/cxghDz524HQ?t=95s")).toEqual({ locator: "1:35", fromLink: true });
    expect(locatorForPastedLink(first, "https://youtu.be/cxghDz524HQ")).toEqual({ locator: "", fromLink: false });
    expect(locatorForPastedLink(first, null)).toEqual({ locator: "", fromLink: false });
  });

  it.each([
    ["?start=", "https://www.youtube.com/embed/cxghDz524HQ?start=3723", "1:02:03"],
    ["#t=", "https://vimeo.com/76979871#t=90", "1:30"],
  ])("reads %s", (_case, url, locator) => {
    expect(locatorForPastedLink({ locator: "", fromLink: false }, url)).toEqual({ locator, fromLink: true });
  });

  it("never replaces a locator the editor typed", () => {
    const typed = { locator: "p. 4", fromLink: false };
    expect(locatorForPastedLink(typed, "https://youtu.be/cxghDz524HQ?t=42")).toBe(typed);
  });

  it("leaves an empty locator empty for a link without a time, or for words", () => {
    expect(locatorForPastedLink({ locator: "", fromLink: false }, "https://example.org/report")).toEqual({ locator: "", fromLink: false });
    expect(locatorForPastedLink({ locator: "", fromLink: false }, "budget report")).toEqual({ locator: "", fromLink: false });
  });
});
