/** Plain words for the cron schedules of the jobs (UTC), and run states as badges. */
const SCHEDULES: Record<string, string> = {
  "*/5 * * * *": "every 5 minutes",
  "0 7 * * *": "daily at 07:00 UTC",
  "0 8 * * 1": "Mondays at 08:00 UTC",
  "30 * * * *": "hourly at :30",
  "15 * * * *": "hourly at :15",
};

export function scheduleLabel(cron: string): string {
  return SCHEDULES[cron] ?? `cron "${cron}" (UTC)`;
}

export const RUN_STATE: Record<string, { label: string; variant: "success" | "destructive" | "warning" | "secondary" }> = {
  succeeded: { label: "succeeded", variant: "success" },
  failed: { label: "failed", variant: "destructive" },
  paused: { label: "paused (resumes)", variant: "warning" },
  running: { label: "running", variant: "secondary" },
  abandoned: { label: "stopped (process ended)", variant: "warning" },
};
