import type { IncomingMessage, ServerResponse } from "node:http";
export function servePageCopy(req: IncomingMessage, res: ServerResponse): boolean;
export function expireCopies(keys: readonly string[] | undefined): void;
