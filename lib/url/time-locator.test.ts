import { describe, expect, it } from "vitest";
import { timestampSeconds } from "../sources/locator";
import { formatTimeLocator, timeLocatorFromUrl } from "./time-locator";

describe("timeLocatorFromUrl", () => {
  it.each([
    ["https://youtu.be/cxghDz524HQ?t=42", "0:42"],
    ["https://youtu.be/cxghDz524HQ?t=95s", "1:35"],
    ["https://www.youtube.com/watch?v=cxghDz524HQ&t=1h2m3s", "1:02:03"],
    ["https://www.youtube.com/watch?v=cxghDz524HQ&t=2m", "2:00"],
    ["https://www.youtube.com/watch?v=cxghDz524HQ&t=1H5S", "1:00:05"],
    ["https://www.youtube.com/embed/cxghDz524HQ?start=3723", "1:02:03"],
    ["https://www.youtube.com/watch?v=cxghDz524HQ#t=1m30s", "1:30"],
    ["https://vimeo.com/76979871#t=90", "1:30"],
    ["https://example.com/talk.mp4#t=10,20", "0:10"],
    ["https://example.com/v?t=1:02:03", "1:02:03"],
    ["https://example.com/v?t=42.7", "0:42"],
    ["  https://youtu.be/cxghDz524HQ?t=600  ", "10:00"],
  ])("%s -> %s", (url, locator) => {
    expect(timeLocatorFromUrl(url)).toBe(locator);
  });

  it.each([
    ["no time", "https://youtu.be/cxghDz524HQ"],
    ["zero", "https://youtu.be/cxghDz524HQ?t=0"],
    ["not a time", "https://twitter.com/jack/status/20?t=abcDEF"],
    ["empty value", "https://youtu.be/cxghDz524HQ?t="],
    ["not a URL", "t=42"],
  ])("null for %s", (_case, url) => {
    expect(timeLocatorFromUrl(url)).toBeNull();
  });

  it("writes locators the workspace reads back as the same number of seconds", () => {
    for (const total of [1, 59, 60, 95, 3599, 3600, 3723, 36_000]) {
      expect(timestampSeconds(formatTimeLocator(total))).toBe(total);
    }
  });
});
