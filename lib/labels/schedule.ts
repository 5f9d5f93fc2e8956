/** The jobs' cron schedules (UTC) said in words, never the expression itself. */
const DAYS = ["Sundays", "Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"];
const two = (n: number) => String(n).padStart(2, "0");
const whole = (field: string) => (/^\d+$/.test(field) ? Number(field) : null);

/**
 * A five-field cron expression in words: "every 5 minutes", "hourly at :15", "daily at 07:00 UTC",
 * "Mondays at 08:00 UTC". Shapes it cannot say read "on a custom schedule", never the expression itself.
 */
export function scheduleLabel(cron: string): string {
  const [minute = "", hour = "", dom = "", month = "", dow = ""] = cron.trim().split(/\s+/);
  const m = whole(minute);
  const h = whole(hour);
  const everyDay = dom === "*" && month === "*";
  const step = /^\*\/(\d+)$/.exec(minute);
  if (step && hour === "*" && everyDay && dow === "*")
    return Number(step[1]) === 1 ? "every minute" : `every ${step[1]} minutes`;
  if (m !== null && hour === "*" && everyDay && dow === "*") return `hourly at :${two(m)}`;
  if (m !== null && h !== null && everyDay) {
    const at = `${two(h)}:${two(m)} UTC`;
    if (dow === "*") return `daily at ${at}`;
    const d = whole(dow);
    if (d !== null && DAYS[d]) return `${DAYS[d]} at ${at}`;
  }
  return "on a custom schedule";
}
