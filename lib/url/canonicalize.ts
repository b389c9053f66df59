import { parse as parseDomain } from "tldts";
import { hostRejection } from "./address-rejection";
import { timeLocatorFromUrl } from "./time-locator";

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

// "https://", "http:///?x": a web scheme with nothing where the site's name belongs.
const NO_HOST = /^https?:\/*(?:[?#]|$)/i;

/**
 * Parses a pasted link with the WHATWG URL parser (the one browsers use, so every notation it accepts — decimal,
 * octal and hex IPv4, IPv6 short forms, IDN — is read exactly as a browser would) and refuses anything that must
 * never become a source: other schemes, credentials, and hosts on this machine or a private network.
 */
export function parseSourceUrl(input: string): URL {
  const trimmed = input.trim();
  if (trimmed === "") throw new InvalidUrlError("The link is empty: paste the full link, starting with https://");
  if (NO_HOST.test(trimmed)) {
    throw new InvalidUrlError(`${quote(trimmed)} has no host: a source link needs the site's name after https://`);
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new InvalidUrlError(`${quote(trimmed)} is not a valid web address: paste the full link, starting with https://`);
  }
  // "example.com:8080/a" parses with the scheme "example.com:": a link pasted without its https://.
  if (url.protocol.includes(".")) {
    throw new InvalidUrlError(`${quote(trimmed)} is not a valid web address: paste the full link, starting with https://`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new InvalidUrlError(`${quote(trimmed)} is not a web address: only http and https links can be sources`);
  }
  if (url.username !== "" || url.password !== "") {
    throw new InvalidUrlError(
      `${quote(trimmed)} contains a user name or password: remove the part before "@" and paste the public link`,
    );
  }
  const rejected = hostRejection(url.hostname);
  if (rejected) throw new InvalidUrlError(`${quote(trimmed)} ${rejected}: only public websites can be sources`);
  return url;
}

/** A source's identity, and the place inside it the pasted link pointed at (a video timestamp such as "1:02:03"). */
export interface CanonicalSource {
  url: string;
  locator: string | null;
}

// Labels that name the same site for another device or for AMP (www., m., mobile., amp., and the m. inside
// en.m.wikipedia.org). Only labels left of the registrable domain go, so "www.co.uk" and "m.com" stay as they are.
const DEVICE_LABELS = new Set(["www", "m", "mobile", "amp"]);

function siteHost(hostname: string): string {
  const host = hostname.replace(/\.+$/, "");
  if (host.startsWith("[")) return host;
  const { isIp, subdomain, domain } = parseDomain(host, { extractHostname: false });
  if (isIp || !subdomain || !domain) return host;
  const kept = subdomain.split(".").filter((label) => !DEVICE_LABELS.has(label));
  return [...kept, domain].join(".");
}

// RFC 3986 6.2.2: %-escapes of unreserved characters mean the characters themselves, and hex case carries nothing.
// Every other escape stays (an escaped "/" or "&" is not the same URL as the bare one).
function normalEscapes(text: string): string {
  return text.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}

function decodedKey(key: string): string {
  try {
    return decodeURIComponent(key.replace(/\+/g, " ")).toLowerCase();
  } catch {
    return key.toLowerCase();
  }
}

// Parameters that say who shared the link or which campaign it came from, never which document it is.
const TRACKING = new Set([
  "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "li_fat_id", "igshid",
  "igsh", "mc_cid", "mc_eid", "ref_src", "ref_url", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id",
  "oly_enc_id", "vero_id", "wt_mc", "cmpid",
  // AMP viewers' own markers.
  "amp", "amp_js_v", "amp_gsa", "amp_tf", "usqp", "ampshare",
]);

function isNoise(key: string, value: string): boolean {
  const name = decodedKey(key);
  return name.startsWith("utm_") || TRACKING.has(name) || (name === "outputtype" && value.toLowerCase() === "amp");
}

/** Tracking dropped, escapes normalised, the rest sorted by name (stable, so repeated names keep their order). */
function normalQuery(search: string): string {
  const params = search
    .replace(/^\?/, "")
    .split("&")
    .filter((part) => part !== "")
    .map((part) => {
      const at = part.indexOf("=");
      const key = normalEscapes(at === -1 ? part : part.slice(0, at));
      const value = at === -1 ? null : normalEscapes(part.slice(at + 1));
      return { key, value };
    })
    .filter(({ key, value }) => !isNoise(key, value ?? ""))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return params.length === 0 ? "" : `?${params.map(({ key, value }) => (value === null ? key : `${key}=${value}`)).join("&")}`;
}

/** Publishers' AMP copies: /story/amp, /amp/story, /story.amp.html, /story.amp. */
function withoutAmp(path: string): string {
  const segments = path.split("/");
  if (segments.length > 2 && segments.at(-1) === "amp") segments.pop();
  if (segments.length > 2 && segments[1] === "amp") segments.splice(1, 1);
  const last = segments.length - 1;
  segments[last] = (segments[last] ?? "").replace(/\.amp\.html$/i, ".html").replace(/\.amp$/i, "");
  return segments.join("/");
}

/** The original behind an AMP viewer link (google.com/amp/s/..., *.cdn.ampproject.org/c/s/...), or null. */
function ampOriginal(host: string, url: URL): string | null {
  let rest: string | undefined;
  if (parseDomain(host, { extractHostname: false }).domainWithoutSuffix === "google") {
    rest = url.pathname.match(/^\/amp\/(.+)$/)?.[1];
  } else if (host.endsWith(".cdn.ampproject.org")) {
    rest = url.pathname.match(/^\/[cv]\/(.+)$/)?.[1];
  }
  if (!rest) return null;
  // "s/" marks an https original; without it the original was plain http.
  return (rest.startsWith("s/") ? `https://${rest.slice(2)}` : `http://${rest}`) + url.search;
}

const YOUTUBE_HOSTS = new Set(["youtube.com", "music.youtube.com", "youtube-nocookie.com"]);
const YOUTUBE_ID = /^[\w-]{1,64}$/;

// The same video reaches us as share links, mobile links, shorts and embeds, each
// with its own noise (t=, feature=, si=). Only the video id identifies the source.
function youtubeId(host: string, url: URL): string | null {
  const segments = url.pathname.split("/").filter(Boolean);
  let id: string | null | undefined = null;
  if (host === "youtu.be") {
    id = segments[0];
  } else if (YOUTUBE_HOSTS.has(host)) {
    if (segments[0] === "watch") id = url.searchParams.get("v");
    else if (["shorts", "embed", "live", "v"].includes(segments[0] ?? "")) id = segments[1];
  }
  return id && YOUTUBE_ID.test(id) ? id : null;
}

const TWITTER_HOSTS = new Set(["twitter.com", "x.com"]);
// A post's id is unique across the site; the handle in front of it can change or be any handle at all.
const TWITTER_STATUS = /^\/(?:\w{1,15}|i\/web|i)\/status(?:es)?\/(\d+)(?:\/|$)/;

/**
 * One spelling per source, so the same document pasted twice is recognised as one source, plus the timestamp a
 * video link carried (returned separately: it locates the evidence, it does not identify the source).
 *
 * http is upgraded to https: publishers virtually always serve the same document on
 * both, and treating them as different sources would split evidence. The canonical
 * form is for identity, not for fetching; keep the original spelling for display.
 */
export function canonicalizeSource(input: string): CanonicalSource {
  return canonicalize(input, 0);
}

function canonicalize(input: string, depth: number): CanonicalSource {
  const url = parseSourceUrl(input);
  // The protocol setter also drops a port that is https's default (http://example.com:443/).
  url.protocol = "https:";
  const host = siteHost(url.hostname);

  const original = depth < 3 ? ampOriginal(host, url) : null;
  if (original) return canonicalize(original, depth + 1);

  const videoId = youtubeId(host, url);
  if (videoId) return { url: `https://youtube.com/watch?v=${videoId}`, locator: timeLocatorFromUrl(input) };

  const port = url.port ? `:${url.port}` : "";
  if (TWITTER_HOSTS.has(host)) {
    const post = url.pathname.match(TWITTER_STATUS)?.[1];
    if (post) return { url: `https://x.com/i/status/${post}`, locator: null };
  }
  const site = TWITTER_HOSTS.has(host) ? "x.com" : host;
  const path = withoutAmp(normalEscapes(url.pathname)).replace(/\/+$/, "");
  const query = normalQuery(url.search);
  return { url: `https://${site}${port}${path === "" && query ? "/" : path}${query}`, locator: null };
}

/** canonicalizeSource's URL alone: the registry's key for a pasted link. Throws InvalidUrlError. */
export function canonicalizeUrl(input: string): string {
  return canonicalizeSource(input).url;
}

/** Publisher domain for lookups: "www.BBC.co.uk" and "bbc.co.uk" are the same publisher. */
export function hostnameOf(url: string): string {
  return parseSourceUrl(url).hostname.replace(/\.+$/, "").replace(/^www\./, "");
}

/** One line of the canonical-url CLI: the canonical URL, or "REJECT: <reason>". */
export function canonicalLine(input: string): string {
  try {
    return canonicalizeUrl(input);
  } catch (error) {
    if (error instanceof InvalidUrlError) return `REJECT: ${error.message}`;
    throw error;
  }
}
