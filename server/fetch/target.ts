import { promises as dns, type LookupAddress } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { addressRejection, hostRejection } from "@/lib/url/address-rejection";
import { FetchError } from "./errors";

/** Name -> addresses. Injected in tests; in production the system resolver, asked once per connection. */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

/**
 * Exact address:port pairs a test server listens on, which the fetcher may reach although they are loopback.
 * Only tests pass this (an ESLint rule refuses the option anywhere else), and only the listed port is opened:
 * a redirect to 169.254.169.254 or a name resolving to 127.0.0.1 on another port is still refused.
 */
export type TestOnlyAllowList = ReadonlyArray<{ address: string; port: number }>;

function allowed(allow: TestOnlyAllowList, address: string, port: number): boolean {
  return allow.some((entry) => entry.address === address && entry.port === port);
}

export function portOf(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
}

/**
 * The checks that need no DNS: http(s) only, no credentials, and a host that is neither a local name nor a
 * non-public IP literal (for an IP literal Node connects without calling `lookup`, so it is checked here).
 */
export function checkTarget(url: URL, allow: TestOnlyAllowList, configuredInternal = false): void {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchError("blocked", `${url.href} is not fetched: only http and https links are`);
  }
  if (url.username !== "" || url.password !== "") {
    throw new FetchError("blocked", `${url.origin} is not fetched: the link contains a user name or password`);
  }
  // The one origin the operator configured (FetcherSettings.configuredInternalOrigin): its address is theirs to choose.
  if (configuredInternal) return;
  const bare = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(bare)) {
    if (allowed(allow, bare, portOf(url))) return;
    const rejected = addressRejection(bare);
    if (rejected) throw new FetchError("blocked", `${url.origin} is not fetched: ${rejected.address} is ${rejected.description}`);
    return;
  }
  const reason = hostRejection(url.hostname);
  if (reason) throw new FetchError("blocked", `${url.origin} is not fetched: it ${reason}`);
}

/**
 * A `lookup` for node:http(s) that resolves once, refuses the connection if any address is not public, and hands
 * Node the checked addresses to connect to. Node connects to exactly what `lookup` returned, so there is no second
 * resolution a DNS-rebinding server could answer differently.
 */
export function pinnedLookup(resolve: Resolver, allow: TestOnlyAllowList, port: number, configuredInternal = false): LookupFunction {
  return (hostname, options, callback) => {
    const checked = (found: LookupAddress[]): [LookupAddress, LookupAddress[]] => {
      const family = options.family === 4 || options.family === 6 ? options.family : null;
      const addresses = found.filter((entry) => family === null || entry.family === family);
      const [first] = addresses;
      if (!first) throw new FetchError("dns", `${hostname} has no address`);
      for (const { address } of addresses) {
        if (configuredInternal || allowed(allow, address, port)) continue;
        const rejected = addressRejection(address);
        if (rejected) {
          throw new FetchError("blocked", `${hostname} is not fetched: it resolves to ${rejected.address}, ${rejected.description}`);
        }
      }
      return [first, addresses];
    };
    // Two callbacks rather than then/catch, so an exception thrown inside Node's callback is never reported twice.
    resolve(hostname).then(
      (found) => {
        let first: LookupAddress;
        let addresses: LookupAddress[];
        try {
          [first, addresses] = checked(found);
        } catch (error) {
          callback(error as FetchError, "");
          return;
        }
        if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
      (error: unknown) => callback(new FetchError("dns", `${hostname} could not be resolved`, { cause: error }), ""),
    );
  };
}
