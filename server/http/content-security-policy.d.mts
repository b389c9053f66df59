export function inlineScriptHashes(html: string): string[];
export function contentSecurityPolicy(options: { scriptHashes: string[]; frameAncestors: string }): string;
export function frameAncestorsFor(pathname: string): string;
