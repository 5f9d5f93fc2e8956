import { cronHandler } from "@/server/jobs/cron-http";

// Bearer $CRON_SECRET → one run of the job for the current period (server/jobs/cron-http.ts)
export const dynamic = "force-dynamic";
export const maxDuration = 60;

export const GET = cronHandler("account-scores");
export const POST = GET;
