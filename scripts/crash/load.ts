import { sessionCookieFor } from "../../tests/helpers/session-cookie";
import type { Acked } from "./checks";
import { trpc, type TrpcAnswer } from "./http";
import type { Session, Work } from "./prepare";

/**
 * The concurrent load: every sign-off fired at once (in a seeded shuffle), and each refund walked
 * through review (twice at once, on the same version: the optimistic lock lets one change it) →
 * approval → payment (the admin reviews and pays, the executive approves: four eyes), each step after
 * the previous answer. `onAnswer` runs after every answered request; the caller kills the server from
 * there. A request the kill cuts off is "lost".
 */
export type Tally = { ok: number; refused: number; serverErrors: number; lost: number };

export const requestsPlanned = (work: Work) => work.signOffs.length + work.refunds.length * 4;

export async function fireLoad(base: string, work: Work, secret: string, rng: () => number, onAnswer: () => void) {
  const tally: Tally = { ok: 0, refused: 0, serverErrors: 0, lost: 0 };
  const acked: Acked = { signOffIds: [], refundVersions: [] };
  const cookies = new Map<string, string>();
  const cookieOf = async (s: Session) => {
    const c = cookies.get(s.sessionId) ?? (await sessionCookieFor(s, secret));
    cookies.set(s.sessionId, c);
    return c;
  };
  for (const s of [...work.signOffs.map((t) => t.who), ...work.refunds.flatMap((r) => [r.admin, r.exec])])
    await cookieOf(s);

  async function call<T>(who: Session, procedure: string, input: unknown): Promise<TrpcAnswer<T> | null> {
    try {
      const answer = await trpc<T>(base, await cookieOf(who), "mutation", procedure, input);
      if (answer.data !== null) tally.ok += 1;
      else if (answer.status >= 500) tally.serverErrors += 1;
      else tally.refused += 1;
      onAnswer();
      return answer;
    } catch {
      tally.lost += 1; // the connection died with the server
      return null;
    }
  }

  const signOffs = work.signOffs
    .map((t) => ({ t, key: rng() }))
    .sort((a, b) => a.key - b.key)
    .map(async ({ t }) => {
      const comment =
        t.decision === "CHANGES_REQUESTED" ? "Crash-safety run: please adjust the deliverable." : undefined;
      const a = await call<{ signOffId: string }>(t.who, "portal.signOff", {
        criterionId: t.criterionId,
        decision: t.decision,
        comment,
      });
      if (a?.data) acked.signOffIds.push(a.data.signOffId);
    });

  type RefundAnswer = { refund: { id: string; version: number } };
  const ack = (a: TrpcAnswer<RefundAnswer> | null) => {
    if (a?.data) acked.refundVersions.push({ refundId: a.data.refund.id, version: a.data.refund.version });
    return a?.data ? a.data.refund.version : null;
  };
  const refunds = work.refunds.map(async (r) => {
    const ref = { refundId: r.refundId, expectedVersion: r.version };
    const reviewed = await Promise.all([0, 1].map(() => call<RefundAnswer>(r.admin, "refunds.startReview", ref)));
    const v1 = reviewed.map(ack).find((v) => v !== null);
    if (v1 === undefined || v1 === null) return;
    const v2 = ack(
      await call<RefundAnswer>(r.exec, "refunds.approve", {
        refundId: r.refundId,
        expectedVersion: v1,
        reason: "Weeks 2–4 failed validation.",
      }),
    );
    if (v2 === null) return;
    ack(
      await call<RefundAnswer>(r.admin, "refunds.markPaid", {
        refundId: r.refundId,
        expectedVersion: v2,
        amountCents: r.amountCents,
        reference: `CRASH-${r.refundId.slice(-6)}`,
        paidAt: new Date(),
      }),
    );
  });
  await Promise.all([...signOffs, ...refunds]);
  return { tally, acked };
}
