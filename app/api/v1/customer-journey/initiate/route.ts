import { serverEnv } from "@/lib/env";
import { ZStartJourneySchema } from "@/lib/schemas/journeys";
import { problem, readValid } from "@/server/http/rest";
import { withToken } from "@/server/http/with-token";
import { startJourney } from "@/server/services/journeys";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 64 * 1024;

/** POST /api/v1/customer-journey/initiate — start or resume a lead's journey (idempotent once launched). */
export const POST = withToken("journeys:write", async ({ request, ctx }) => {
  const input = await readValid(request, ZStartJourneySchema, MAX_BODY_BYTES);
  if ("response" in input) return input.response;
  const status = await startJourney(ctx, input.data, serverEnv().APP_URL);
  // 200 whatever the outcome: a journey that stops at qualification is an answer, with its reasons
  return Response.json(status, { headers: { "cache-control": "no-store" } });
});

export function GET() {
  return problem(405, "Use POST to start a journey.", { headers: { allow: "POST" } });
}
