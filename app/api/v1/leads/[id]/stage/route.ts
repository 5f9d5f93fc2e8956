import { ZApiIdParamsSchema, ZApiLeadStageSchema } from "@/lib/schemas/api-v1";
import { readValid, validated } from "@/server/http/rest";
import { withToken } from "@/server/http/with-token";
import { moveLeadForApi } from "@/server/services/integration-api";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 4 * 1024;

/** POST /api/v1/leads/{id}/stage — move a lead to another stage, by the pipeline's rules. */
export const POST = withToken<{ id: string }>("leads:write", async ({ request, params, ctx }) => {
  const id = validated(ZApiIdParamsSchema, params);
  if ("response" in id) return id.response;
  const input = await readValid(request, ZApiLeadStageSchema, MAX_BODY_BYTES);
  if ("response" in input) return input.response;
  return Response.json(await moveLeadForApi(ctx, id.data.id, input.data.stage), {
    headers: { "cache-control": "no-store" },
  });
});
