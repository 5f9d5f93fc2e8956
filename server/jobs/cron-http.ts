import { timingSafeEqual } from "node:crypto";
import type { JobName } from "@/lib/schemas/jobs";
import { serverEnv } from "@/lib/env";
import { db } from "@/server/db/client";
import { logger } from "@/server/logger";
import { JOBS } from "./registry";
import { runJob } from "./runner";

/**
 * The body of every app/api/cron/<job>/route.ts: `Authorization: Bearer $CRON_SECRET` or 401 (with
 * no CRON_SECRET configured every call is refused — there is no default secret), then one run of the
 * job for the current period. The JSON says what happened, including "skipped" for a period already
 * done; the run is recorded either way and shown on the admin Jobs page.
 */
export function isAuthorizedCron(request: Request): boolean {
  const secret = serverEnv().CRON_SECRET;
  const header = request.headers.get("authorization") ?? "";
  if (!secret || !header.startsWith("Bearer ")) return false;
  const given = Buffer.from(header.slice("Bearer ".length));
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function cronHandler(job: JobName) {
  return async function handle(request: Request): Promise<Response> {
    if (!isAuthorizedCron(request)) {
      logger.info({ job }, "cron call refused: missing or wrong bearer token");
      return Response.json({ error: "Unauthorized" }, { status: 401, headers: { "www-authenticate": "Bearer" } });
    }
    const result = await runJob(db(), JOBS[job], { now: new Date() });
    return Response.json(result, { headers: { "cache-control": "no-store" } });
  };
}
