import { withToken } from "@/server/http/with-token";
import { qualificationCriteriaForApi } from "@/server/services/integration-api";

export const dynamic = "force-dynamic";

/** GET /api/v1/qualification-criteria — the keys a journey's `answers` take, with their words and points. */
export const GET = withToken("leads:read", async ({ ctx }) =>
  Response.json(await qualificationCriteriaForApi(ctx), { headers: { "cache-control": "no-store" } }),
);
