export declare const EXPIRY_CHANNEL: string;
export declare function expiryPayload(tags: string[]): string;
export declare function expireInThisProcess(tags: string[]): void;
export declare function listenForExpiries(databaseUrl: string): Promise<() => Promise<void>>;
