import type { IncomingMessage } from "node:http";
import type { Transform } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { FetchError } from "./errors";

function decoderFor(encoding: string | undefined, url: string): Transform | null {
  const name = (encoding ?? "").trim().toLowerCase();
  if (name === "" || name === "identity") return null;
  if (name === "gzip" || name === "x-gzip") return createGunzip();
  if (name === "deflate") return createInflate();
  if (name === "br") return createBrotliDecompress();
  throw new FetchError("unsupported_encoding", `${url} was sent with an encoding the fetcher does not read (${name})`);
}

/**
 * The response body, decompressed, refused as soon as it grows past `maxBytes`: the count is of decoded bytes, so a
 * small gzip that inflates to gigabytes stops at the cap, and nothing beyond one chunk past it is ever held.
 */
export async function readCapped(response: IncomingMessage, url: string, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new FetchError("too_large", `${url} is larger than the ${maxBytes.toLocaleString("en")}-byte limit`);
  const declared = Number(response.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();

  const decoder = decoderFor(response.headers["content-encoding"], url);
  const body = decoder ? response.pipe(decoder) : response;
  // pipe() does not forward errors: a reset connection or a timeout must also end the decoder's stream.
  if (decoder) response.once("error", (error) => decoder.destroy(error));

  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) throw tooLarge();
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    // zlib's own complaint (corrupt data) or the connection ending mid-body.
    throw new FetchError("network", `${url} sent a body that could not be read`, { cause: error });
  } finally {
    response.destroy();
    decoder?.destroy();
  }
  return Buffer.concat(chunks);
}
