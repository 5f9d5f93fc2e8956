import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createPrismaClient } from "../server/db/client";
import type { DeliveryConfig } from "../server/messaging/config";
import { deliverDueMessages } from "../server/messaging/worker";

/**
 * P6 (bench/README.md): queued digest emails delivered through the real Resend SDK to a local recorder
 * that enforces the provider's limit — at most `limitPerSecond` requests in any sliding second, 429 with
 * Retry-After past it — by two workers at once (two instances sharing the database's token bucket),
 * sweeping until nothing is due. Wall time, requests, 429s, and the most requests the recorder saw in
 * one second.
 */
export type EmailFigures = {
  emails: number;
  wallS: number;
  delivered: number;
  dead: number;
  requests: number;
  throttled: number;
  maxPerSecond: number;
};

export type Recorder = {
  url: string;
  close: () => Promise<void>;
  stats: () => Omit<EmailFigures, "wallS" | "dead" | "emails">;
  /** accepted emails per outbox row (the `outbox_id` tag each email carries) */
  byOutboxId: () => ReadonlyMap<string, number>;
};

type SentEmail = { tags?: { name?: string; value?: string }[] } | null;

/** A stand-in for Resend that counts what it accepts and refuses requests over its limit. */
export async function startRecorder(limitPerSecond: number): Promise<Recorder> {
  const accepted: number[] = [];
  const byOutboxId = new Map<string, number>();
  let delivered = 0;
  let throttled = 0;
  let maxPerSecond = 0;
  let requests = 0;
  let ids = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const now = performance.now();
      while (accepted.length > 0 && (accepted[0] ?? 0) <= now - 1000) accepted.shift();
      if (accepted.length >= limitPerSecond) {
        throttled += 1;
        res.writeHead(429, { "content-type": "application/json", "retry-after": "1" });
        res.end(JSON.stringify({ statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests" }));
        return;
      }
      accepted.push(now);
      requests += 1;
      maxPerSecond = Math.max(maxPerSecond, accepted.length);
      const body: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8") || "null");
      const batch = Array.isArray(body);
      const count = batch ? body.length : 1;
      delivered += count;
      for (const email of (batch ? body : [body]) as SentEmail[]) {
        const id = email?.tags?.find((t) => t.name === "outbox_id")?.value;
        if (id) byOutboxId.set(id, (byOutboxId.get(id) ?? 0) + 1);
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify(
          batch ? { data: Array.from({ length: count }, () => ({ id: `e${++ids}` })) } : { id: `e${++ids}` },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
    stats: () => ({ delivered, requests, throttled, maxPerSecond }),
    byOutboxId: () => byOutboxId,
  };
}

export async function measureEmailDelivery(
  dbUrl: string,
  tenant: { tenantId: string },
  opts: { emails: number; limitPerSecond: number; appUrl: string; timeoutS: number },
): Promise<EmailFigures> {
  const recorder = await startRecorder(opts.limitPerSecond);
  const setup = createPrismaClient(dbUrl);
  const run = `bench-p6/${Date.now()}`;
  const queuedAt = new Date();
  try {
    // the digest job's rows, as it writes them: one per person, from the tenant's people
    const people = await setup.user.findMany({
      where: { tenantId: tenant.tenantId },
      select: { id: true, email: true },
    });
    if (people.length === 0) throw new Error("P6 needs a tenant with people");
    for (let i = 0; i < opts.emails; i += 1000) {
      const n = Math.min(1000, opts.emails - i);
      await setup.outboxMessage.createMany({
        data: Array.from({ length: n }, (_, j) => {
          const p = people[(i + j) % people.length] ?? people[0];
          return {
            tenantId: tenant.tenantId,
            channel: "EMAIL" as const,
            recipient: p?.email ?? "",
            subject: "Your daily digest",
            bodyText: `Digest ${i + j}`,
            bodyHtml: `<p>Digest ${i + j}</p>`,
            idempotencyKey: `${run}/${i + j}`,
            payload: { userId: p?.id ?? "", mailKind: "digest" },
            createdAt: queuedAt,
            nextAttemptAt: queuedAt,
          };
        }),
      });
    }
    const config: DeliveryConfig = {
      email: {
        apiKey: "re_bench",
        baseUrl: recorder.url,
        from: "Onward <no-reply@bench.test>",
        ratePerSecond: opts.limitPerSecond,
      },
      allowPrivateNetworks: true,
      appUrl: opts.appUrl,
    };
    const started = performance.now();
    const deadline = Date.now() + opts.timeoutS * 1000;
    const mine = { tenantId: tenant.tenantId, idempotencyKey: { startsWith: `${run}/` } };
    // two instances, each with its own connection pool, sharing only the database
    const worker = async () => {
      const db = createPrismaClient(dbUrl);
      try {
        while (Date.now() < deadline) {
          const counts = await deliverDueMessages(db, { now: new Date(), config, tenantId: tenant.tenantId, deadline });
          const left = await db.outboxMessage.findFirst({
            where: { ...mine, status: { in: ["PENDING", "FAILED", "SENDING"] } },
            orderBy: { nextAttemptAt: "asc" },
            select: { nextAttemptAt: true },
          });
          if (!left) return;
          if (counts.claimed === 0)
            await new Promise((r) =>
              setTimeout(r, Math.min(1000, Math.max(50, left.nextAttemptAt.getTime() - Date.now()))),
            );
        }
      } finally {
        await db.$disconnect();
      }
    };
    await Promise.all([worker(), worker()]);
    const wallS = (performance.now() - started) / 1000;
    const [sent, dead] = await Promise.all([
      setup.outboxMessage.count({ where: { ...mine, status: "SENT" } }),
      setup.outboxMessage.count({ where: { ...mine, status: "DEAD" } }),
    ]);
    const stats = recorder.stats();
    // delivered: rows SENT, which the recorder must also have received
    return { emails: opts.emails, wallS, ...stats, delivered: Math.min(sent, stats.delivered), dead };
  } finally {
    await setup.outboxMessage.deleteMany({ where: { idempotencyKey: { startsWith: `${run}/` } } });
    await setup.$disconnect();
    await recorder.close();
  }
}
