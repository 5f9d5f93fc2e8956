import { withToken } from "@/server/http/with-token";
import { journeyStatusFor } from "@/server/services/journeys";

export const dynamic = "force-dynamic";

/** GET /api/v1/customer-journey/{id}/status — the journey's computed status (another tenant's id: 404). */
export const GET = withToken<{ id: string }>("journeys:read", async ({ ctx, params }) =>
  Response.json(await journeyStatusFor(ctx, params.id.slice(0, 64)), { headers: { "cache-control": "no-store" } }),
);
