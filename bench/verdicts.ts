import type { DashboardFigures } from "./dashboard";
import type { DigestFigures } from "./digest";
import type { EmailFigures } from "./email";
import type { BenchFigure } from "./figures";
import type { GeneratedTenant, ScaleName } from "./generate";
import { describeCpu, type InstancesFigures } from "./instances";
import { verdict } from "./report";

/** The bench/README.md targets, each figure with its verdict. A target set for a scale this run did not reach reads "n/a". */
const MAX_P95_RATIO = 1.5;
const MAX_P95_GROWTH = 3;
const MAX_STATEMENTS = 6;
const MAX_DIGEST_S = 60;
const MAX_DIGEST_GROWTH = 12;

export function dashboardFigures(dash: Map<ScaleName, DashboardFigures>, scale: ScaleName): BenchFigure[] {
  const out: BenchFigure[] = [];
  for (const [s, d] of dash) {
    const ratio = d.next.p95 / d.raw.p95;
    // a response slower than the whole load window never arrives: say so instead of printing an empty p95
    const none = (r: DashboardFigures["next"]) =>
      r.requests === 0
        ? `no response within ${r.durationS.toFixed(0)} s (${r.timeouts} timeouts): each request took longer`
        : "";
    const note = [
      `${d.next.requests} req (${d.next.non2xx} non-2xx) vs ${d.raw.requests} raw`,
      none(d.next),
      none(d.raw),
    ]
      .filter(Boolean)
      .join("; ");
    out.push(
      {
        id: `P1.dashboard.p50.${s}`,
        group: "P1",
        label: `dashboard.summary p50, ${s}`,
        value: d.next.p50,
        unit: "ms",
        target: "—",
        verdict: "n/a",
      },
      {
        id: `P1.dashboard.p95.${s}`,
        group: "P1",
        label: `dashboard.summary p95, ${s}`,
        value: d.next.p95,
        unit: "ms",
        target: "—",
        verdict: "n/a",
        note,
      },
      {
        id: `P1.dashboard.p99.${s}`,
        group: "P1",
        label: `dashboard.summary p99, ${s}`,
        value: d.next.p99,
        unit: "ms",
        target: "—",
        verdict: "n/a",
      },
      {
        id: `P1.dashboard.rps.${s}`,
        group: "P1",
        label: `dashboard.summary req/s, ${s}`,
        value: d.next.rps,
        unit: "req/s",
        target: "—",
        verdict: "n/a",
      },
      {
        id: `P1.raw.p50.${s}`,
        group: "P1",
        label: `raw-SQL server p50, ${s}`,
        value: d.raw.p50,
        unit: "ms",
        target: "—",
        verdict: "n/a",
      },
      {
        id: `P1.raw.p95.${s}`,
        group: "P1",
        label: `raw-SQL server p95, ${s}`,
        value: d.raw.p95,
        unit: "ms",
        target: "—",
        verdict: "n/a",
      },
      {
        id: `P1.raw.p99.${s}`,
        group: "P1",
        label: `raw-SQL server p99, ${s}`,
        value: d.raw.p99,
        unit: "ms",
        target: "—",
        verdict: "n/a",
      },
      {
        id: `P1.raw.rps.${s}`,
        group: "P1",
        label: `raw-SQL server req/s, ${s}`,
        value: d.raw.rps,
        unit: "req/s",
        target: "—",
        verdict: "n/a",
      },
      {
        id: `P1.ratio.p95.${s}`,
        group: "P1",
        label: `p95 dashboard / raw, ${s}`,
        value: ratio,
        unit: "×",
        target: `≤ ${MAX_P95_RATIO} at 100k`,
        verdict: s === "100k" ? verdict(ratio <= MAX_P95_RATIO) : "n/a",
        note: s === "100k" ? undefined : "target set at 100k",
      },
      {
        id: `P2.statements.dashboard.${s}`,
        group: "P2",
        label: `SQL statements per dashboard.summary request, ${s}`,
        value: d.statementsPerRequest,
        unit: "stmts",
        target: `≤ ${MAX_STATEMENTS}, same at every scale`,
        verdict: verdict(d.statementsPerRequest <= MAX_STATEMENTS),
        note: `raw server: ${d.rawStatementsPerRequest}`,
      },
      {
        id: `P2.statements.dashboardPage.${s}`,
        group: "P2",
        label: `SQL statements per /dashboard page, ${s}`,
        value: d.pageStatements,
        unit: "stmts",
        target: `≤ ${MAX_STATEMENTS}, same at every scale`,
        verdict: verdict(d.pageStatements <= MAX_STATEMENTS),
      },
      {
        id: `P2.statements.portalPage.${s}`,
        group: "P2",
        label: `SQL statements per portal project page, ${s}`,
        value: d.portalPageStatements,
        unit: "stmts",
        target: `≤ ${MAX_STATEMENTS}, same at every scale`,
        verdict: d.portalPageStatements === null ? "n/a" : verdict(d.portalPageStatements <= MAX_STATEMENTS),
        note:
          d.portalPageStatements === null
            ? "not measured (--skip-web: the customer signs in through Chromium)"
            : undefined,
      },
    );
  }
  const base = dash.get("1k");
  const top = dash.get(scale);
  if (base && top && scale !== "1k") {
    const growth = top.next.p95 / base.next.p95;
    out.push({
      id: `P1.growth.p95.${scale}`,
      group: "P1",
      label: `p95(${scale}) / p95(1k)`,
      value: growth,
      unit: "×",
      target: `≤ ${MAX_P95_GROWTH} at 100k`,
      verdict: scale === "100k" ? verdict(growth <= MAX_P95_GROWTH) : "n/a",
    });
    const same = [...dash.values()].every(
      (d) =>
        d.statementsPerRequest === base.statementsPerRequest &&
        d.pageStatements === base.pageStatements &&
        d.portalPageStatements === base.portalPageStatements,
    );
    out.push({
      id: "P2.statements.constant",
      group: "P2",
      label: "statements per request the same at every scale",
      value: same ? 1 : 0,
      unit: "bool",
      target: "true",
      verdict: verdict(same),
    });
  }
  return out;
}

export function digestFigures(
  digests: Map<ScaleName, DigestFigures>,
  tenants: Map<ScaleName, GeneratedTenant>,
): BenchFigure[] {
  const out: BenchFigure[] = [];
  const byProjects = new Map<number, DigestFigures>();
  for (const [s, d] of digests) {
    const t = tenants.get(s);
    const p = d.projects;
    byProjects.set(p, d);
    const note = `${t?.activeProjects ?? "?"} active of ${p}; ${JSON.stringify(d.counts)}`;
    const timed = p === 10_000 ? `≤ ${MAX_DIGEST_S} s` : "—";
    out.push(
      {
        id: `P5.digest.wall.${p}`,
        group: "P5",
        label: `digest job wall time, ${p} projects`,
        value: d.wallS,
        unit: "s",
        target: timed,
        verdict: p === 10_000 ? verdict(d.wallS <= MAX_DIGEST_S) : "n/a",
        note,
      },
      {
        id: `P5.digest.statementsPerProject.${p}`,
        group: "P5",
        label: `digest statements per project, ${p} projects`,
        value: d.perProject,
        unit: "stmts",
        target: "—",
        verdict: "n/a",
        note: `${d.statements} in total`,
      },
      {
        id: `P5.digest.peakRss.${p}`,
        group: "P5",
        label: `peak RSS of the bench process, ${p} projects`,
        value: d.peakRssMb,
        unit: "MB",
        target: "—",
        verdict: "n/a",
        note: `peak heap ${d.peakHeapMb.toFixed(0)} MB`,
      },
    );
  }
  const small = byProjects.get(1_000);
  const big = byProjects.get(10_000);
  if (small && big) {
    const growth = big.wallS / small.wallS;
    out.push({
      id: "P5.digest.growth",
      group: "P5",
      label: "digest time(10k projects) / time(1k)",
      value: growth,
      unit: "×",
      target: `≤ ${MAX_DIGEST_GROWTH}`,
      verdict: verdict(growth <= MAX_DIGEST_GROWTH),
    });
  }
  return out;
}

/** P6: the target for 10 000 digest emails at 2 requests a second (docs/messaging.md#pacing). */
export const MAX_EMAIL_S = 180;
export const P6_TARGET_EMAILS = 10_000;

export function emailFigures(e: EmailFigures | null): BenchFigure[] {
  if (!e) return [];
  const full = e.emails === P6_TARGET_EMAILS;
  const all = e.delivered === e.emails && e.dead === 0;
  return [
    {
      id: "P6.email.wall",
      group: "P6",
      label: `${e.emails} queued digest emails delivered, wall time`,
      value: e.wallS,
      unit: "s",
      target: full ? `≤ ${MAX_EMAIL_S} s` : "—",
      verdict: full ? verdict(e.wallS <= MAX_EMAIL_S && all) : "n/a",
      note: `${e.requests} requests, ${e.throttled} answered 429, at most ${e.maxPerSecond} in one second`,
    },
    {
      id: "P6.email.delivered",
      group: "P6",
      label: "emails delivered / dead",
      value: e.delivered,
      unit: "emails",
      target: `${e.emails}, 0 dead`,
      verdict: verdict(all),
      note: `${e.dead} dead`,
    },
  ];
}

/** P7: two instances ≥ 1.7 × one instance's throughput at the same p95; nothing done or sent twice. */
export const MIN_SCALE_OUT = 1.7;

export function instancesFigures(p: InstancesFigures | null, skipped?: string): BenchFigure[] {
  if (!p) {
    return skipped
      ? [
          {
            id: "P7.skipped",
            group: "P7",
            label: "instances on one database",
            value: null,
            unit: "",
            target: "—",
            verdict: "n/a",
            note: skipped,
          },
        ]
      : [];
  }
  const out: BenchFigure[] = [];
  const label = { dashboard: "dashboard.summary", login: "sign-in page (no database)" };
  for (const l of p.loads) {
    const at = `${l.instances} instance${l.instances > 1 ? "s" : ""}, ${l.connections} connections`;
    const id = `${l.target}.${l.instances}x${l.connections}`;
    out.push(
      {
        id: `P7.rps.${id}`,
        group: "P7",
        label: `${label[l.target]} req/s, ${at}`,
        value: l.result.rps,
        unit: "req/s",
        target: "—",
        verdict: "n/a",
        note: `mean of ${l.passes.map((x) => x.rps.toFixed(1)).join(" and ")}; ${l.result.requests} req (${l.result.non2xx} non-2xx), per instance ${l.perInstance.join(" / ")}`,
      },
      {
        id: `P7.p95.${id}`,
        group: "P7",
        label: `${label[l.target]} p95, ${at}`,
        value: l.result.p95,
        unit: "ms",
        target: "—",
        verdict: "n/a",
        note: `mean of ${l.passes.map((x) => x.p95.toFixed(0)).join(" and ")}; p50 ${l.result.p50.toFixed(0)} ms`,
      },
      {
        id: `P7.cpu.${id}`,
        group: "P7",
        label: `cores busy during the load: ${label[l.target]}, ${at}`,
        value: l.cpu.machineCores,
        unit: "cores",
        target: "—",
        verdict: "n/a",
        note: describeCpu(l.cpu, l.result.requests),
      },
    );
  }
  // the scale-out figure: all instances at the same connections per instance as the one (same p95 if it scales)
  for (const target of ["dashboard", "login"] as const) {
    const mine = p.loads.filter((l) => l.target === target);
    const one = mine.find((l) => l.instances === 1);
    const all = mine.find(
      (l) => l.instances === p.instances && l.connections === (one?.connections ?? 0) * p.instances,
    );
    if (!one || !all) continue;
    const ratio = all.result.rps / one.result.rps;
    const dashboard = target === "dashboard";
    out.push({
      id: `P7.scaleOut.${target}`,
      group: "P7",
      label: `${label[target]} throughput, ${p.instances} instances / 1 (same connections per instance)`,
      value: ratio,
      unit: "×",
      target: dashboard ? `≥ ${MIN_SCALE_OUT} at the same p95` : "—",
      verdict: dashboard ? verdict(ratio >= MIN_SCALE_OUT) : "n/a",
      note: `p95 ${all.result.p95.toFixed(0)} vs ${one.result.p95.toFixed(0)} ms (${(all.result.p95 / one.result.p95).toFixed(2)} ×)`,
    });
  }
  const c = p.cron;
  const dupes = Object.values(c.duplicates).reduce((a, b) => a + b, 0);
  out.push(
    {
      id: "P7.cron.duplicateRuns",
      group: "P7",
      label: `job calls fired on all ${p.instances} instances at once that ran twice`,
      value: c.bothRan,
      unit: "runs",
      target: "0",
      verdict: verdict(c.bothRan === 0 && c.failed === 0),
      note: `${c.firings} firings, ${c.failed} failed answers; runs made: ${JSON.stringify(c.runs)}`,
    },
    {
      id: "P7.cron.duplicateRows",
      group: "P7",
      label: "rows written twice by the jobs (alerts, surveys, refunds, messages, …)",
      value: dupes,
      unit: "groups",
      target: "0",
      verdict: verdict(dupes === 0),
      note: `written: ${JSON.stringify(c.written)}${dupes ? `; twice: ${JSON.stringify(c.duplicates)}` : ""}`,
    },
    {
      id: "P7.cron.emails",
      group: "P7",
      label: "queued emails delivered exactly once (by idempotency key)",
      value: c.emails.delivered,
      unit: "emails",
      target: `${c.emails.queued - c.emails.dead}, 0 twice`,
      verdict: verdict(
        c.emails.deliveredTwice === 0 &&
          c.emails.sentNotReceived === 0 &&
          c.emails.left === 0 &&
          c.emails.delivered + c.emails.dead === c.emails.queued,
      ),
      note: `${c.emails.deliveredTwice} twice, ${c.emails.sentNotReceived} marked sent but not received, ${c.emails.dead} dead, ${c.emails.left} left; cron part ${c.wallS.toFixed(0)} s`,
    },
  );
  return out;
}
