import type { APIRequestContext, APIResponse } from "@playwright/test";

/** A tRPC query over HTTP (GET), as the browser client sends it; `request` carries the cookies of its context. */
export function trpcQuery(request: APIRequestContext, procedure: string, input?: unknown): Promise<APIResponse> {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  return request.get(`/api/trpc/${procedure}${query}`);
}

/** A tRPC mutation (POST) with a JSON body; `headers` may add or override e.g. Origin or Content-Type. */
export function trpcMutation(request: APIRequestContext, procedure: string, input: unknown, headers: Record<string, string> = {}): Promise<APIResponse> {
  return request.post(`/api/trpc/${procedure}`, {
    headers: { "content-type": "application/json", ...headers },
    data: JSON.stringify(input),
  });
}

/** The `result.data` of a successful tRPC response. */
export async function trpcData<T>(response: APIResponse): Promise<T> {
  const body = (await response.json()) as { result?: { data?: T } };
  if (!body.result || !("data" in body.result)) throw new Error(`not a tRPC result: ${JSON.stringify(body)}`);
  return body.result.data as T;
}
