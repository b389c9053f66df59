import { describe, expect, it } from "vitest";
import { extractHtmlArticle, type HtmlExtraction } from "./html-article";
import { parseHtmlDocument } from "./linkedom-document";
import { parseArticleText } from "./parse-article-text";

const PAGE = `<!doctype html>
<html><head>
  <title>Lavrov says Russia is not seeking war</title>
  <meta property="og:site_name" content="The Moscow Times">
  <meta name="author" content="Jane Reporter">
  <meta property="article:published_time" content="2022-01-28T10:00:00Z">
</head><body>
  <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/opinion">Opinion</a></nav>
  <article>
    <h1>Lavrov says Russia is not seeking war</h1>
    <p>Russia is not seeking war, Foreign Minister Sergei Lavrov said on Friday, as Moscow has amassed
       some 100,000 troops near the border with Ukraine.</p>
    <p>“If it depends on Russia, there won’t be a war,” Lavrov said in an interview with
       <a href="https://www.youtube.com/watch?v=cxghDz524HQ">Russian radio stations</a>.</p>
    <p>The 100&nbsp;000 figure comes from <a href="/2022/01/27/us-intelligence">U.S. intelligence</a>.<br>It could not be verified.</p>
    <script>track("article")</script>
  </article>
  <footer>© 2022 <a href="mailto:news@example.com">Write to us</a></footer>
</body></html>`;

function extracted(result: HtmlExtraction) {
  if (!result.ok) throw new Error(result.message);
  return result.article;
}

describe("extractHtmlArticle", () => {
  it("keeps the article's paragraphs byte-exact, drops navigation, scripts and footer, and reads the page's metadata", () => {
    const article = extracted(extractHtmlArticle(parseHtmlDocument(PAGE), { baseUrl: "https://www.themoscowtimes.com/2022/01/28/lavrov" }));
    const parsed = parseArticleText(article.text);
    expect(parsed.paragraphs).toEqual([
      "Russia is not seeking war, Foreign Minister Sergei Lavrov said on Friday, as Moscow has amassed some 100,000 troops near the border with Ukraine.",
      "“If it depends on Russia, there won’t be a war,” Lavrov said in an interview with Russian radio stations.",
      "The 100\u00a0000 figure comes from U.S. intelligence. It could not be verified.",
    ]);
    // Relative links resolve against the page; mailto and navigation links are not sources.
    expect(parsed.sourceUrls.map((s) => s.url)).toEqual(["https://www.youtube.com/watch?v=cxghDz524HQ", "https://www.themoscowtimes.com/2022/01/27/us-intelligence"]);
    expect(article).toMatchObject({ title: "Lavrov says Russia is not seeking war", byline: "Jane Reporter", publisherName: "The Moscow Times", publishedOn: "2022-01-28" });
  });

  it("without a page address (an uploaded file), relative links are not taken for sources", () => {
    const parsed = parseArticleText(extracted(extractHtmlArticle(parseHtmlDocument(PAGE))).text);
    expect(parsed.sourceUrls.map((s) => s.url)).toEqual(["https://www.youtube.com/watch?v=cxghDz524HQ"]);
  });

  it("keeps a related-article teaser and a bare URL paragraph for the importer to handle as in pasted text", () => {
    const html = `<html><body><article>
      <p>${"A long first paragraph about the troops at the border. ".repeat(6)}</p>
      <p>Related article: U.S. Intelligence Says Russia Plans</p>
      <p>https://www.themoscowtimes.com/2022/01/27/us-intelligence-says-russia-plans</p>
    </article></body></html>`;
    const parsed = parseArticleText(extracted(extractHtmlArticle(parseHtmlDocument(html))).text);
    expect(parsed.paragraphs).toHaveLength(1);
    expect(parsed.relatedLinks).toEqual([{ title: "U.S. Intelligence Says Russia Plans", url: "https://www.themoscowtimes.com/2022/01/27/us-intelligence-says-russia-plans" }]);
  });

  it("refuses broken or empty pages with a message instead of importing nothing", () => {
    for (const html of ["<html><body><div", "<html><head><title>x</title></head><body>   </body></html>", "<html><body><script>render()</script></body></html>"]) {
      const result = extractHtmlArticle(parseHtmlDocument(html));
      expect(result, html).toEqual({ ok: false, message: expect.stringContaining("No article text was found") });
    }
  });

  it("reads a fragment without <html> as a browser does", () => {
    const parsed = parseArticleText(extracted(extractHtmlArticle(parseHtmlDocument("<p>Just one paragraph, typed by hand.</p>"))).text);
    expect(parsed.paragraphs).toEqual(["Just one paragraph, typed by hand."]);
  });
});
