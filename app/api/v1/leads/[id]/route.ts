import { ZApiIdParamsSchema } from "@/lib/schemas/api-v1";
import { validated } from "@/server/http/rest";
import { withToken } from "@/server/http/with-token";
import { leadForApi } from "@/server/services/integration-api";

export const dynamic = "force-dynamic";

/** GET /api/v1/leads/{id} — one lead (another workspace's id: 404). */
export const GET = withToken<{ id: string }>("leads:read", async ({ params, ctx }) => {
  const id = validated(ZApiIdParamsSchema, params);
  if ("response" in id) return id.response;
  return Response.json(await leadForApi(ctx, id.data.id), { headers: { "cache-control": "no-store" } });
});
