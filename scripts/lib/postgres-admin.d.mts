/** Types for postgres-admin.mjs, for the TypeScript test set-ups (tests/integration, tests/faults). */
export declare function testServerUrl(env?: NodeJS.ProcessEnv): string;
export declare function redact(url: string): string;
export declare function createDatabase(serverUrl: string, name: string): Promise<string>;
export declare function dropDatabases(serverUrl: string, name: string): Promise<string[]>;
