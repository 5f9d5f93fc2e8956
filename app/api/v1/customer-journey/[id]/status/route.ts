import { withTenantKey } from "@/server/http/journey-api";
import { journeyStatusFor } from "@/server/services/journeys";

export const dynamic = "force-dynamic";

/** GET /api/v1/customer-journey/{id}/status — the journey's computed status (another tenant's id: 404). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withTenantKey(request, "/api/v1/customer-journey/[id]/status", async (ctx) =>
    Response.json(await journeyStatusFor(ctx, id.slice(0, 64)), { headers: { "cache-control": "no-store" } }),
  );
}
