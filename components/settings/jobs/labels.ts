/** Run states of the jobs as badges (their schedules in words: lib/labels/schedule.ts). */
export const RUN_STATE: Record<
  string,
  { label: string; variant: "success" | "destructive" | "warning" | "secondary" }
> = {
  succeeded: { label: "succeeded", variant: "success" },
  failed: { label: "failed", variant: "destructive" },
  paused: { label: "paused (resumes)", variant: "warning" },
  running: { label: "running", variant: "secondary" },
  abandoned: { label: "stopped (process ended)", variant: "warning" },
};
