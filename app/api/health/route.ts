import { checkHealth } from "@/server/services/health";

export const dynamic = "force-dynamic";

/** 200 when the database answers, 503 otherwise. No auth: it reveals nothing but up/down. */
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, { status: health.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
