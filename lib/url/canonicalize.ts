import normalizeUrl from "normalize-url";

/** Thrown for input that cannot be stored as a source link; the message is shown to editors. */
export class InvalidUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidUrlError";
  }
}

// Long pastes (a whole paragraph by mistake) would make the message unreadable.
function quote(input: string): string {
  return JSON.stringify(input.length > 80 ? `${input.slice(0, 77)}...` : input);
}

function parseWebUrl(input: string): URL {
  const trimmed = input.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new InvalidUrlError(
      `${quote(trimmed)} is not a valid web address: paste the full link, starting with https://`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new InvalidUrlError(
      `${quote(trimmed)} is not a web address: only http and https links can be sources`,
    );
  }
  return url;
}

const YOUTUBE_HOSTS = new Set(["youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com"]);
const YOUTUBE_ID = /^[\w-]+$/;

// The same video reaches us as share links, mobile links, shorts and embeds, each
// with its own noise (t=, feature=, si=). Only the video id identifies the source.
function youtubeId(url: URL): string | null {
  const host = url.hostname;
  const segments = url.pathname.split("/").filter(Boolean);
  let id: string | null | undefined = null;
  if (host === "youtu.be" || host === "www.youtu.be") {
    id = segments[0];
  } else if (YOUTUBE_HOSTS.has(host)) {
    if (segments[0] === "watch") id = url.searchParams.get("v");
    else if (segments[0] === "shorts" || segments[0] === "embed" || segments[0] === "live") id = segments[1];
  }
  return id && YOUTUBE_ID.test(id) ? id : null;
}

const TRACKING_PARAMS: ReadonlyArray<RegExp | string> = [
  /^utm_\w+/i,
  "fbclid",
  "gclid",
  "mc_cid",
  "mc_eid",
  "ref_src",
];

/**
 * One spelling per source, so the same article pasted twice is recognised as one source.
 *
 * http is upgraded to https: publishers virtually always serve the same document on
 * both, and treating them as different sources would split evidence. The canonical
 * form is for identity, not for fetching; keep the original spelling for display.
 */
export function canonicalizeUrl(input: string): string {
  const url = parseWebUrl(input);
  const videoId = youtubeId(url);
  if (videoId) return `https://youtube.com/watch?v=${videoId}`;
  try {
    return normalizeUrl(url.href, {
      forceHttps: true,
      stripHash: true,
      stripWWW: true,
      removeQueryParameters: TRACKING_PARAMS,
      sortQueryParameters: true,
      removeTrailingSlash: true,
    });
  } catch {
    throw new InvalidUrlError(
      `${quote(input.trim())} is not a valid web address: paste the full link, starting with https://`,
    );
  }
}

/** Publisher domain for lookups: "www.BBC.co.uk" and "bbc.co.uk" are the same publisher. */
export function hostnameOf(url: string): string {
  return parseWebUrl(url).hostname.toLowerCase().replace(/^www\./, "");
}
