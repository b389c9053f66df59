import type { SourceType } from "./vocabulary";

const VIDEO_HOSTS = new Set(["youtube.com", "vimeo.com", "dailymotion.com", "rutube.ru"]);

/** A first guess at a source's type from its canonical URL; editors can correct it. */
export function inferSourceType(canonicalUrl: string): SourceType {
  const url = new URL(canonicalUrl);
  const host = url.hostname.replace(/^www\./, "");
  if (VIDEO_HOSTS.has(host)) return "video";
  if (/\.pdf$/i.test(url.pathname)) return "document";
  if (["x.com", "twitter.com", "t.me", "facebook.com", "instagram.com", "bsky.app"].includes(host)) return "social_post";
  return "article";
}
