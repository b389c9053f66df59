import type { IncomingMessage, ServerResponse } from "node:http";
export function hashInlineScriptsInto(req: IncomingMessage, res: ServerResponse): void;
