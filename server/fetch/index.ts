// Every outgoing request of the server goes through here (an ESLint rule refuses fetch/http.request elsewhere).
export { FetchError, type FetchErrorKind } from "./errors";
export { appFetcher, edgePurgeFetcher, fetcherWithTestHosts, testFetchHosts, type TestFetchHost } from "./app-fetcher";
export { createFetcher, DEFAULT_MAX_BYTES, DEFAULT_USER_AGENT, safeFetch, type Fetcher, type FetchOptions, type FetchResult } from "./safe-fetch";
