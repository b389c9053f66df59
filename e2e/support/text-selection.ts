import { expect, type Page } from "@playwright/test";

/**
 * Selects `phrase` in the workspace's article text the way a person does: a mouse drag from the left
 * edge of its first character to the right edge of its last one (lines may wrap in between). The phrase
 * must occur exactly once in the text. Paragraphs are the elements with data-offset (see
 * components/workspace/highlighted-paragraph); highlights of earlier claims split their text nodes, so
 * characters are found by walking the text nodes.
 *
 * Returns the text the browser ended up selecting, for the caller to compare with what the app stored.
 */
export async function dragSelectText(page: Page, phrase: string): Promise<string> {
  const points = await page.evaluate((phrase) => {
    const paragraphs = [...document.querySelectorAll<HTMLElement>("[data-offset]")];
    const matches = paragraphs.filter((p) => (p.textContent ?? "").includes(phrase));
    if (matches.length !== 1) throw new Error(`expected the phrase in one paragraph, found ${matches.length}: ${phrase}`);
    const paragraph = matches[0]!;
    const text = paragraph.textContent ?? "";
    const first = text.indexOf(phrase);
    if (text.indexOf(phrase, first + 1) >= 0) throw new Error(`phrase occurs twice in its paragraph: ${phrase}`);

    /** The DOM position of the character at `index` within the paragraph's text. */
    function locate(index: number): [Text, number] {
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        if (index < seen + node.data.length) return [node, index - seen];
        seen += node.data.length;
      }
      throw new Error(`character ${index} is past the paragraph's end`);
    }
    function charRect(index: number): DOMRect {
      const [node, offset] = locate(index);
      const range = document.createRange();
      range.setStart(node, offset);
      range.setEnd(node, offset + 1);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      const rect = rects[rects.length - 1];
      if (!rect) throw new Error(`character ${index} has no box`);
      return rect;
    }

    // Both ends on screen: centre the phrase (it fits: claims are a few lines long).
    const [startNode] = locate(first);
    startNode.parentElement?.scrollIntoView({ block: "center", inline: "nearest" });
    const whole = document.createRange();
    whole.setStart(...locate(first));
    const [endNode, endOffset] = locate(first + phrase.length - 1);
    whole.setEnd(endNode, endOffset + 1);
    const box = whole.getBoundingClientRect();
    window.scrollBy(0, box.top + box.height / 2 - window.innerHeight / 2);

    const a = charRect(first);
    const b = charRect(first + phrase.length - 1);
    // A press on the left half of a character puts the caret before it, a release on the right half after it.
    const inset = (r: DOMRect) => Math.min(1.5, r.width / 4);
    return { x1: a.left + inset(a), y1: a.top + a.height / 2, x2: b.right - inset(b), y2: b.top + b.height / 2, height: window.innerHeight };
  }, phrase);
  expect(points.y1, "the phrase starts on screen").toBeGreaterThan(0);
  expect(points.y2, "the phrase ends on screen").toBeLessThan(points.height);

  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move(points.x2, points.y2, { steps: 1 });
  await page.mouse.up();
  return page.evaluate(() => document.getSelection()?.toString() ?? "");
}
