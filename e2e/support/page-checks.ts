import { expect, type Page } from "@playwright/test";

/**
 * The page does not scroll sideways: nothing sticks out past the layout viewport. (clientWidth, not
 * innerWidth: on a phone an overflowing page is zoomed out, which widens innerWidth and hides the overflow.)
 */
export async function expectNoHorizontalOverflow(page: Page) {
  const { scrollWidth, clientWidth, offenders } = await page.evaluate(() => {
    const root = document.documentElement;
    const offenders = [...document.body.querySelectorAll("*")]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5)
      .slice(0, 5)
      .map((el) => `<${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}"> ${(el.textContent ?? "").trim().slice(0, 60)}`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, offenders };
  });
  expect(scrollWidth, `page is ${scrollWidth}px wide in a ${clientWidth}px viewport; sticking out: ${offenders.join(" | ")}`).toBeLessThanOrEqual(clientWidth);
}

/** Opens `path` and checks it is the 404 page, with the status to match (not a "soft 404"). */
export async function expectNotFoundPage(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), `${path} should answer 404`).toBe(404);
  await expect(page.getByRole("heading", { name: /not (be )?found/i })).toBeVisible();
  await expect(page.getByRole("article")).toHaveCount(0);
}
