import { ZApiListQuerySchema } from "@/lib/schemas/api-v1";
import { validated } from "@/server/http/rest";
import { withToken } from "@/server/http/with-token";
import { listProjectsForApi } from "@/server/services/integration-api";

export const dynamic = "force-dynamic";

/** GET /api/v1/projects?cursor=&limit=&updated_since= — the workspace's projects, oldest change first (docs/api.md#paging). */
export const GET = withToken("projects:read", async ({ request, ctx }) => {
  const query = validated(ZApiListQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  if ("response" in query) return query.response;
  return Response.json(await listProjectsForApi(ctx, query.data), { headers: { "cache-control": "no-store" } });
});
