/**
 * `npm run scheduler`: runs Onward's cron jobs on a self-hosted server. It reads the schedules from
 * vercel.json (the same file Vercel reads), and at every minute where a schedule matches (UTC) calls
 * that job's route with `Authorization: Bearer $CRON_SECRET`. It keeps no state: each job records
 * its own run per period in the database, so two schedulers, a restart, or a manual call at the same
 * time do no harm.
 *
 *   npm run scheduler                      # keep running, call jobs on their schedule
 *   npm run scheduler -- --once outbox     # call one job now and exit
 *
 * APP_URL (default http://localhost:3000) is where the app runs; CRON_SECRET defaults to the one
 * `npm run dev` / `npm start` generated into .data/cron-secret.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseCron, type CronSchedule } from "../server/jobs/cron-schedule";
import { dataRoot } from "./data-root";

const root = path.resolve(import.meta.dirname, "..");
const appUrl = (process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`).replace(/\/$/, "");

function cronSecret(): string {
  if (process.env.CRON_SECRET) return process.env.CRON_SECRET;
  const file = path.join(dataRoot(), "cron-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  console.error(
    "CRON_SECRET is not set and .data/cron-secret does not exist (start the app once with npm run dev or npm start).",
  );
  process.exit(1);
}

type Cron = { path: string; schedule: string; cron: CronSchedule };

function loadCrons(): Cron[] {
  const config = JSON.parse(readFileSync(path.join(root, "vercel.json"), "utf8")) as {
    crons?: { path: string; schedule: string }[];
  };
  return (config.crons ?? []).map((c) => ({ ...c, cron: parseCron(c.schedule) }));
}

const secret = cronSecret();

/** One job call; true when the job answered 2xx (a `--once` run exits 1 otherwise, for timers and deploy checks). */
async function call(route: string): Promise<boolean> {
  const started = Date.now();
  try {
    const res = await fetch(`${appUrl}${route}`, {
      headers: { authorization: `Bearer ${secret}` },
      signal: AbortSignal.timeout(5 * 60_000),
    });
    const body = (await res.json().catch(() => ({}))) as {
      status?: string;
      reason?: string;
      periodKey?: string;
      errors?: number;
    };
    const detail = [body.status, body.periodKey, body.reason, body.errors ? `${body.errors} errors` : null]
      .filter(Boolean)
      .join(" · ");
    console.log(`${new Date().toISOString()}  ${route}  HTTP ${res.status}  ${detail}  (${Date.now() - started} ms)`);
    return res.ok;
  } catch (error) {
    console.error(
      `${new Date().toISOString()}  ${route}  failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return false;
  }
}

const crons = loadCrons();
const onceIndex = process.argv.indexOf("--once");
if (onceIndex >= 0) {
  const job = process.argv[onceIndex + 1];
  const target = crons.find((c) => c.path === `/api/cron/${job}`);
  if (!target) {
    console.error(`Unknown job "${job ?? ""}". Jobs: ${crons.map((c) => c.path.split("/").pop()).join(", ")}`);
    process.exit(1);
  }
  process.exit((await call(target.path)) ? 0 : 1);
}

console.log(`Onward scheduler → ${appUrl}`);
for (const c of crons) console.log(`  ${c.schedule.padEnd(14)} ${c.path}`);

function tick() {
  const now = new Date();
  for (const c of crons) if (c.cron.matches(now)) void call(c.path);
  setTimeout(tick, 60_000 - (Date.now() % 60_000) + 50);
}
setTimeout(tick, 60_000 - (Date.now() % 60_000) + 50);
process.on("SIGINT", () => process.exit(0));
process.on("SIGTERM", () => process.exit(0));
