import type { IncomingMessage, ServerResponse } from "node:http";

export const PUBLIC_CACHE_CONTROL: string;
export const UNSTORED_CACHE_CONTROL: string;
export const APP_CACHE_SECONDS: number;
export const PUBLISHED_ARTICLES_TAG: string;
export function articleTag(slug: string): string;
export const EDGE_CACHE_CONTROL: string;
export const SURROGATE_KEY_HEADER: string;
export function surrogateKeysFor(pathname: string): string[];
export function isNextCacheTag(key: string): boolean;
export function claimKey(id: number): string;
export function sourceKey(id: number): string;
export function publisherKey(id: number): string;
export function contentKeysOf(claims: readonly { id: number; sources: readonly { sourceId: number; publisherId: number | null }[] }[]): string[];
export const CONTENT_KEYS_META: string;
export function outputKeys(pathname: string, headerValue: unknown, html: Buffer | undefined): string[];
export interface PublicOutput {
  name: string;
  pattern: RegExp;
  appCopies: string;
}
export const PUBLIC_OUTPUTS: readonly PublicOutput[];
export function publicOutputFor(pathname: string): PublicOutput | undefined;
export function etagOf(body: Buffer | string): string;
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean;
export function applyPublicCachePolicy(req: IncomingMessage, res: ServerResponse, build: { buildId: string; edgeCache?: boolean }): void;
