import { ZApiListQuerySchema } from "@/lib/schemas/api-v1";
import { ZCreateLeadSchema } from "@/lib/schemas/leads";
import { readValid, validated } from "@/server/http/rest";
import { withToken } from "@/server/http/with-token";
import { createLeadForApi, listLeadsForApi } from "@/server/services/integration-api";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 64 * 1024;
const NO_STORE = { "cache-control": "no-store" };

/** GET /api/v1/leads?cursor=&limit=&updated_since= — the workspace's leads, oldest change first (docs/api.md#paging). */
export const GET = withToken("leads:read", async ({ request, ctx }) => {
  const query = validated(ZApiListQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  if ("response" in query) return query.response;
  return Response.json(await listLeadsForApi(ctx, query.data), { headers: NO_STORE });
});

/** POST /api/v1/leads — create a lead, as the key's creator (stage NEW, source CSM). */
export const POST = withToken("leads:write", async ({ request, ctx }) => {
  const input = await readValid(request, ZCreateLeadSchema, MAX_BODY_BYTES);
  if ("response" in input) return input.response;
  return Response.json(await createLeadForApi(ctx, input.data), { status: 201, headers: NO_STORE });
});
