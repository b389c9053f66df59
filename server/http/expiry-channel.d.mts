export declare const EXPIRY_CHANNEL: string;
export declare function expiryPayloads(keys: readonly string[]): string[];
export declare function expireInThisProcess(keys: readonly string[]): void;
export declare function listenForExpiries(databaseUrl: string): Promise<() => Promise<void>>;
