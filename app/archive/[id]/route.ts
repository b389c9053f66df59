import { getAppDatabase } from "@/db/app-database";
import { archiveResponse } from "@/server/http/archive-response";

// An archived copy of a cited source, sandboxed (server/http/archive-response.ts, decision 0016).
type Params = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Params): Promise<Response> {
  const { id } = await params;
  const download = new URL(request.url).searchParams.get("download") === "1";
  return archiveResponse((await getAppDatabase()).db, id, { download });
}
