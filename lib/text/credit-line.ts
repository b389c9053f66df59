/** "By Jane Doe · The Moscow Times · 28 January 2022", without repeating a publisher that is also the byline. */
export function creditLine(parts: { byline: string | null; publisherName: string | null; publishedOn: string | null }, formatDate: (d: string) => string): string {
  const byline = parts.byline?.trim() || null;
  const publisher = parts.publisherName && parts.publisherName !== byline ? parts.publisherName : null;
  return [byline && `By ${byline}`, publisher, parts.publishedOn && formatDate(parts.publishedOn)].filter(Boolean).join(" · ");
}
