export function inlineScriptHashes(html: string): { hashes: string[]; refused: number };
export function isNextInlineScript(body: string): boolean;
export function contentSecurityPolicy(options: { scriptHashes: string[]; frameAncestors: string }): string;
export function frameAncestorsFor(pathname: string): string;
