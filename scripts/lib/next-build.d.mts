/** Types for next-build.mjs, for the TypeScript test code that stages servers or needs the repository root. */
export declare const repoRoot: string;
export declare const nextBin: string;
export declare function buildIfNeeded(options: { label: string; forced?: string; root?: string; env?: NodeJS.ProcessEnv }): boolean;
export declare function stageServer(tempRoot: string, root?: string): string;
