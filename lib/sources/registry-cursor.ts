import { z } from "zod";

/** A keyset cursor: the last row's sort key and id, opaque to the browser (hex of the JSON's UTF-8, no Buffer so lib stays browser-safe). */
export interface Cursor {
  key: string | number;
  id: number;
}

const cursorShape = z.object({ key: z.union([z.string().max(400), z.number().int()]), id: z.number().int().positive() });

export function encodeCursor(cursor: Cursor): string {
  return Array.from(new TextEncoder().encode(JSON.stringify(cursor)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** null for anything that is not a cursor this module made: a tampered or truncated link. */
export function decodeCursor(text: string): Cursor | null {
  try {
    if (!/^(?:[0-9a-f]{2})+$/.test(text)) return null;
    const bytes = Uint8Array.from(text.match(/../g) ?? [], (pair) => parseInt(pair, 16));
    const parsed = cursorShape.safeParse(JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
