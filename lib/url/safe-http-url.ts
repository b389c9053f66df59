/** The URL if it is a well-formed http(s) address, else null: keeps javascript: and data: out of hrefs. */
export function safeHttpUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}
