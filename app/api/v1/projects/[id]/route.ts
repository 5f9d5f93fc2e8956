import { ZApiIdParamsSchema } from "@/lib/schemas/api-v1";
import { validated } from "@/server/http/rest";
import { withToken } from "@/server/http/with-token";
import { projectForApi } from "@/server/services/integration-api";

export const dynamic = "force-dynamic";

/** GET /api/v1/projects/{id} — one project with its weekly milestones and its guarantee (another workspace's id: 404). */
export const GET = withToken<{ id: string }>("projects:read", async ({ params, ctx }) => {
  const id = validated(ZApiIdParamsSchema, params);
  if ("response" in id) return id.response;
  return Response.json(await projectForApi(ctx, id.data.id), { headers: { "cache-control": "no-store" } });
});
