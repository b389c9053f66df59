/** Types for next-build.mjs, for the TypeScript test suites that stage servers (tests/faults). */
export declare const repoRoot: string;
export declare const nextBin: string;
export declare const BUILD_SOURCES: readonly string[];
export declare function buildIsStale(root?: string): boolean;
export declare function buildIfNeeded(options: { label: string; forced?: string; root?: string }): boolean;
export declare function stageServer(tempRoot: string, root?: string): string;
