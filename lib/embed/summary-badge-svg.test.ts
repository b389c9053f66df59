import { describe, expect, it } from "vitest";
import { summarizeVerdicts } from "../verdict-summary";
import { summaryBadgeSvg, unavailableBadgeSvg } from "./summary-badge-svg";
import { escapeXml } from "./xml";

const summary = summarizeVerdicts(["true", "true", "true", "true", "true", "misleading", "false"]);

/** Tags in the SVG, so tests can assert no injected element survived. */
const tagNames = (svg: string) => [...svg.matchAll(/<([a-zA-Z][\w:-]*)/g)].map((m) => m[1]);

describe("summaryBadgeSvg", () => {
  const svg = summaryBadgeSvg({ brand: "Factdesk", title: "Lavrov Says", summary });

  it("shows the summary text and an accessible name", () => {
    expect(svg).toContain(">7 checked · 5 true · 1 misleading · 1 false</text>");
    expect(svg).toContain('role="img"');
    expect(svg).toContain("<title>Lavrov Says: 7 checked · 5 true · 1 misleading · 1 false (fact-checked by Factdesk)</title>");
    expect(svg).toMatch(/aria-label="Lavrov Says: 7 checked/);
  });

  it("is a compact badge sized to its text", () => {
    const width = Number(svg.match(/<svg[^>]* width="(\d+)"/)?.[1]);
    expect(svg).toContain('height="28"');
    expect(width).toBeGreaterThan(220);
    expect(width).toBeLessThan(360);
  });

  it("draws one stripe segment per verdict, tiling the summary part exactly", () => {
    const segments = [...svg.matchAll(/<rect x="(\d+)" y="25" width="(\d+)" height="3" fill="(#[0-9a-f]{6})"\/>/g)];
    expect(segments.map((s) => s[3])).toEqual(["#1a7f37", "#953800", "#cf222e"]);
    for (let i = 1; i < segments.length; i++) {
      expect(Number(segments[i]![1])).toBe(Number(segments[i - 1]![1]) + Number(segments[i - 1]![2]));
    }
  });

  it("says no claims are checked yet, with a neutral stripe", () => {
    const empty = summaryBadgeSvg({ brand: "Factdesk", title: "T", summary: summarizeVerdicts([]) });
    expect(empty).toContain(">No claims checked yet</text>");
    expect(empty).toContain('fill="#d0d7de"/>');
  });

  it("escapes hostile titles and brands in text and attributes", () => {
    const hostile = summaryBadgeSvg({
      brand: `F"&<b>`,
      title: `"><script>alert(1)</script><x a='1'> & \u0000\u001b\uD800 end`,
      summary,
    });
    expect(tagNames(hostile)).not.toContain("script");
    expect(tagNames(hostile)).not.toContain("x");
    expect(tagNames(hostile)).not.toContain("b");
    expect(hostile).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(hostile).toContain("&quot;&gt;");
    expect(hostile).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(hostile).toContain("\uFFFD end");
    // The quote in the title cannot end the aria-label attribute early and start a new one.
    expect(hostile.match(/aria-label="[^"]*"/g)).toHaveLength(1);
  });
});

describe("unavailableBadgeSvg", () => {
  it("names no article and shows no counts", () => {
    const svg = unavailableBadgeSvg("Factdesk");
    expect(svg).toContain(">Not available</text>");
    expect(svg).toContain("<title>Factdesk: fact-checks not available</title>");
    expect(svg).not.toContain("checked");
  });
});

describe("escapeXml", () => {
  it("escapes the five XML specials and keeps other text", () => {
    expect(escapeXml(`a & b < c > d " e ' f · “g”`)).toBe("a &amp; b &lt; c &gt; d &quot; e &apos; f · “g”");
  });

  it("keeps valid surrogate pairs and replaces lone ones", () => {
    expect(escapeXml("😀")).toBe("😀");
    expect(escapeXml("a\uDC00b\uD83D")).toBe("a\uFFFDb\uFFFD");
  });
});
