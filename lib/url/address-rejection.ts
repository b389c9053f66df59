import ipaddr from "ipaddr.js";

/** Why an address may not be reached from the server; `description` reads after "is ...". */
export interface AddressRejection {
  /** The address in its normal spelling ("127.0.0.1", "::1"), whatever notation it arrived in. */
  address: string;
  /** ipaddr.js's range name ("loopback", "private", "linkLocal", "ipv4Mapped", ...), or "invalid". */
  range: string;
  description: string;
}

// Only global unicast may be fetched: everything ipaddr.js files under any special range (loopback, private,
// link-local, unique-local, unspecified, multicast, carrier-grade NAT, documentation, 6to4, Teredo, NAT64, ...)
// reaches either this machine, the local network or nothing at all. The ranges come from the library, not from
// a table of ours; the descriptions below only name the common ones for the editor.
const DESCRIPTIONS: Record<string, string> = {
  loopback: "a loopback address on this computer",
  private: "a private network address",
  linkLocal: "a link-local address, where cloud metadata services such as 169.254.169.254 live",
  uniqueLocal: "a unique-local IPv6 address on a private network",
  unspecified: "the unspecified address",
  carrierGradeNat: "a carrier-grade NAT address inside a provider's network",
  multicast: "a multicast address",
  broadcast: "the broadcast address",
};

function describe(range: string): string {
  return DESCRIPTIONS[range] ?? `a special-purpose address (ipaddr.js range "${range}"), not a public one`;
}

/**
 * Null when `address` is a public (global unicast) IPv4 or IPv6 address, else why it is refused. Used on URL hosts
 * by the canonicaliser and on every resolved address by the fetcher, so both apply exactly the same rules.
 * IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) are refused whatever they embed: DNS has no reason to hand them out,
 * and connecting to one reaches the embedded IPv4 address.
 */
export function addressRejection(address: string): AddressRejection | null {
  const bare = address.startsWith("[") && address.endsWith("]") ? address.slice(1, -1) : address;
  if (!ipaddr.isValid(bare)) return { address: bare, range: "invalid", description: "not an IP address" };
  const parsed = ipaddr.parse(bare);
  const range = parsed.range();
  if (range === "unicast") return null;
  const normal = parsed.toString();
  if (parsed.kind() === "ipv6" && range === "ipv4Mapped") {
    const embedded = (parsed as ipaddr.IPv6).toIPv4Address();
    const inner = addressRejection(embedded.toString());
    const detail = inner ? `${inner.address}, ${inner.description}` : embedded.toString();
    return { address: normal, range, description: `an IPv4-mapped IPv6 address for ${detail}` };
  }
  return { address: normal, range, description: describe(range) };
}

// Names that only mean something inside a network: RFC 6761 localhost, mDNS .local (RFC 6762), .home.arpa
// (RFC 8375), ICANN's reserved .internal (cloud metadata: metadata.google.internal) and common router defaults.
const LOCAL_SUFFIXES = ["localhost", "localdomain", "local", "internal", "home.arpa", "lan"];

/**
 * Null when a URL's host (as the WHATWG parser spells it: lower-case, punycode, IPv6 in brackets, IPv4 in dotted
 * decimal whatever notation was typed) may be a public website, else why not. A name can still resolve to a
 * private address; the fetcher checks the resolved addresses with addressRejection.
 */
export function hostRejection(hostname: string): string | null {
  const host = hostname.replace(/\.+$/, "");
  if (host === "") return "has no host";
  if (host.startsWith("[") || ipaddr.IPv4.isValidFourPartDecimal(host)) {
    const rejected = addressRejection(host);
    return rejected ? `points at ${rejected.address}, ${rejected.description}` : null;
  }
  const local = LOCAL_SUFFIXES.find((suffix) => host === suffix || host.endsWith(`.${suffix}`));
  if (local === "localhost") return "points at this computer (localhost)";
  if (local) return `names a host on a local network (.${local})`;
  // "http://intranet/" or "http://router/": a single label is resolved through the server's own search domains.
  if (!host.includes(".")) return `names a host on a local network ("${host}" has no domain)`;
  return null;
}
