/** Cache tags shared by the cached readers (pages, exports) and the invalidation after a change. */
export const PUBLISHED_ARTICLES_TAG = "published-articles";
export const readerTag = (slug: string) => `reader:${slug}`;
