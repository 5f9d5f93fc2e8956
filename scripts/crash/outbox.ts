import type { Db } from "../../server/db/client";
import type { Check } from "./checks";
import { cron } from "./http";

/**
 * After the restart: the survey-triggers job first (it creates a signed-off week's CSAT that a kill
 * between the sign-off commit and its follow-up may have skipped), then the outbox sweep until nothing
 * is left to send. Email goes to the local Resend stub (RESEND_BASE_URL), never off the machine.
 */
const OPEN = ["PENDING", "FAILED", "SENDING"] as const;

export async function drainOutbox(
  db: Db,
  base: string,
  secret: string,
  emailsReceived: () => number,
): Promise<{ checks: Check[]; lines: string[] }> {
  const pendingAtRestart = await db.outboxMessage.count({ where: { status: { in: [...OPEN] } } });
  const triggers = await cron(base, secret, "survey-triggers");
  const start = Date.now();
  let sweeps = 0;
  let open = await db.outboxMessage.count({ where: { status: { in: [...OPEN] } } });
  // one run per minute period (server/jobs/runner.ts): a repeat in the same minute is "skipped", so poll
  while (open > 0 && Date.now() - start < 75_000) {
    const res = await cron(base, secret, "outbox");
    if (res.status !== 200) throw new Error(`/api/cron/outbox answered ${res.status}`);
    sweeps += 1;
    open = await db.outboxMessage.count({ where: { status: { in: [...OPEN] } } });
    if (open > 0) await new Promise((r) => setTimeout(r, 2_000));
  }
  const total = await db.outboxMessage.count();
  const lost = await db.outboxMessage.count({ where: { status: "DEAD", attempts: { gt: 0 } } });
  const sentEmails = await db.outboxMessage.count({ where: { status: "SENT", channel: "EMAIL" } });
  return {
    checks: [
      {
        name: "survey-triggers runs after the restart",
        ok: triggers.status === 200,
        detail: `HTTP ${triggers.status}`,
      },
      {
        name: "outbox drained: 0 pending after restart",
        ok: open === 0,
        detail: `${pendingAtRestart} pending at restart, ${open} left after ${sweeps} sweep(s) in ${Date.now() - start} ms`,
      },
      {
        name: "outbox lost nothing (no row gave up)",
        ok: lost === 0,
        detail: `${total} rows, ${lost} dead after attempts`,
      },
      {
        name: "every sent email reached the mail provider",
        ok: emailsReceived() >= sentEmails,
        detail: `${sentEmails} sent, ${emailsReceived()} received by the stub`,
      },
    ],
    lines: [`outbox: ${total} rows, ${pendingAtRestart} pending at restart, delivered in ${sweeps} sweep(s)`],
  };
}
