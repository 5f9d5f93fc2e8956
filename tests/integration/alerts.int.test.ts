import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportAlerts } from "@/app/api/alerts/export/route";
import type { SessionUser } from "@/server/auth/session-user";
import type { AlertSeverity } from "@/generated/prisma/enums";
import { callerFor, codeOf, createTenantFixture, shapeOf, testDb, type TenantFixture } from "../helpers/fixtures";

/**
 * The alerts page (all of a tenant's alerts, not only the dashboard's 8): filters, order, pages, and
 * resolving one with a note — audited, once only, in the caller's tenant only, bad input refused with
 * nothing written.
 */
// the export route reads the signed-in user through currentUser(); here it is the test's user
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/server/auth/current-user", () => ({
  currentUser: () => session.user,
  loadSessionUser: () => session.user,
}));

let f: TenantFixture;
let other: TenantFixture;
const MINUTE = 60_000;
const base = Date.now() - 60 * MINUTE;

async function alertOf(t: TenantFixture, severity: AlertSeverity, message: string, minutes: number, resolved = false) {
  return testDb().alert.create({
    data: {
      tenantId: t.tenant.id,
      projectId: t.projectA.id,
      customerAccountId: t.accountA.id,
      severity,
      kind: "MILESTONE_AT_RISK",
      message,
      link: `/projects/${t.projectA.id}#week-1`,
      createdAt: new Date(base + minutes * MINUTE),
      resolvedAt: resolved ? new Date(base + (minutes + 1) * MINUTE) : null,
    },
  });
}

beforeAll(async () => {
  f = await createTenantFixture("alerts");
  other = await createTenantFixture("alerts-other");
  await alertOf(f, "WARNING", "warning old", 1);
  await alertOf(f, "CRITICAL", "critical", 2);
  await alertOf(f, "WARNING", "warning new", 3);
  await alertOf(f, "HIGH", "high resolved", 4, true);
  await alertOf(other, "CRITICAL", "other tenant's", 5);
});

describe("alerts.list", () => {
  it("lists open alerts by default, most severe then newest first, with names and a link, and counts the open ones by severity", async () => {
    const page = await callerFor(f.users.CSM).alerts.list({});
    expect(page.items.map((a) => a.message)).toEqual(["critical", "warning new", "warning old"]);
    expect(page).toMatchObject({ total: 3, page: 1, pageSize: 25, open: { CRITICAL: 1, WARNING: 2 } });
    expect(page.items[0]).toMatchObject({
      severity: "CRITICAL",
      projectName: f.projectA.name,
      accountName: f.accountA.name,
      href: `/projects/${f.projectA.id}`,
      resolvedAt: null,
    });
  });

  it("filters resolved, all and by severity, and pages", async () => {
    const exec = callerFor(f.users.EXECUTIVE);
    expect((await exec.alerts.list({ status: "resolved" })).items.map((a) => a.message)).toEqual(["high resolved"]);
    expect((await exec.alerts.list({ status: "all" })).total).toBe(4);
    expect((await exec.alerts.list({ status: "all", severity: "WARNING" })).items.map((a) => a.message)).toEqual([
      "warning new",
      "warning old",
    ]);
    const second = await exec.alerts.list({ status: "all", page: 2, pageSize: 3 });
    expect([second.total, second.items.map((a) => a.message)]).toEqual([4, ["warning old"]]);
  });

  it("shows another tenant nothing of this one, and refuses a bad filter with a message", async () => {
    expect((await callerFor(other.users.ADMIN).alerts.list({ status: "all" })).items.map((a) => a.message)).toEqual([
      "other tenant's",
    ]);
    expect(
      await shapeOf(callerFor(f.users.CSM).alerts.list({ status: "closed" } as never), "alerts.list"),
    ).toMatchObject({ data: { code: "BAD_REQUEST" } });
    expect(await shapeOf(callerFor(f.users.CSM).alerts.list({ pageSize: 1000 }), "alerts.list")).toMatchObject({
      data: { code: "BAD_REQUEST" },
      message: expect.stringMatching(/100 rows/) as string,
    });
  });
});

describe("alerts.resolve", () => {
  it("resolves an open alert once, with an audit entry that keeps who and the note", async () => {
    const alert = await alertOf(f, "HIGH", "to resolve", 10);
    const lead = callerFor(f.users.TECH_LEAD);
    const done = await lead.alerts.resolve({ alertId: alert.id, note: "  Recovery plan agreed with the customer.  " });
    expect(done.alertId).toBe(alert.id);
    expect((await testDb().alert.findUniqueOrThrow({ where: { id: alert.id } })).resolvedAt).toEqual(done.resolvedAt);
    const audit = await testDb().auditEvent.findMany({
      where: { tenantId: f.tenant.id, entityType: "Alert", entityId: alert.id },
    });
    expect(audit.map((a) => [a.action, a.actorId, (a.after as { note?: string }).note])).toEqual([
      ["alert.resolved", f.users.TECH_LEAD.id, "Recovery plan agreed with the customer."],
    ]);
    // it left the open list
    expect((await lead.alerts.list({})).items.map((a) => a.id)).not.toContain(alert.id);
    // a second resolve (someone else meanwhile) is a conflict naming when, and writes nothing
    expect(await shapeOf(callerFor(f.users.CSM).alerts.resolve({ alertId: alert.id }), "alerts.resolve")).toMatchObject(
      {
        data: { code: "CONFLICT" },
        message: expect.stringMatching(/already resolved on \d{4}-\d\d-\d\d \d\d:\d\d UTC/) as string,
      },
    );
    expect(await testDb().auditEvent.count({ where: { entityType: "Alert", entityId: alert.id } })).toBe(1);
  });

  it("another tenant's alert and an unknown id are not found; a malformed id and an over-long note are 400; nothing is written", async () => {
    const alert = await alertOf(f, "WARNING", "untouched", 11);
    expect(await codeOf(callerFor(other.users.ADMIN).alerts.resolve({ alertId: alert.id }))).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(f.users.ADMIN).alerts.resolve({ alertId: "cnotarealalertid000000000" }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(callerFor(f.users.ADMIN).alerts.resolve({ alertId: "../etc" }))).toBe("BAD_REQUEST");
    expect(
      await shapeOf(
        callerFor(f.users.ADMIN).alerts.resolve({ alertId: alert.id, note: "x".repeat(501) }),
        "alerts.resolve",
      ),
    ).toMatchObject({
      data: { code: "BAD_REQUEST", fieldErrors: { note: expect.stringMatching(/under 500 characters/) as string } },
    });
    expect((await testDb().alert.findUniqueOrThrow({ where: { id: alert.id } })).resolvedAt).toBeNull();
    expect(await testDb().auditEvent.count({ where: { entityType: "Alert", entityId: alert.id } })).toBe(0);
  });

  it("is for staff: a customer may neither list nor resolve", async () => {
    const alert = await alertOf(f, "WARNING", "staff only", 12);
    expect(await codeOf(callerFor(f.users.CUSTOMER).alerts.list({}))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(f.users.CUSTOMER).alerts.resolve({ alertId: alert.id }))).toBe("FORBIDDEN");
  });
});

describe("GET /api/alerts/export", () => {
  it("downloads the page's filter as CSV, in the page's order, formulae escaped; a bad filter is a 400 with the reason", async () => {
    await alertOf(f, "INFO", '=HYPERLINK("http://evil")', 20);
    session.user = f.users.CSM;
    const res = await exportAlerts(new Request("http://localhost/api/alerts/export?status=all&severity=WARNING"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="alerts-[a-z0-9-]+-all-\d{4}-\d\d-\d\d\.csv"$/,
    );
    const lines = (await res.text()).trim().split("\r\n");
    expect(lines[0]).toBe("Severity,Kind,Message,Project,Account,Raised,Resolved");
    const listed = (
      await callerFor(f.users.CSM).alerts.list({ status: "all", severity: "WARNING", pageSize: 100 })
    ).items.map((a) => a.message);
    expect(listed).toEqual(expect.arrayContaining(["warning new", "warning old"]));
    expect(lines.slice(1).map((l) => l.split(",")[2])).toEqual(listed);
    const info = await (await exportAlerts(new Request("http://localhost/api/alerts/export?severity=INFO"))).text();
    expect(info).toContain(`"'=HYPERLINK(""http://evil"")"`);
    const bad = await exportAlerts(new Request("http://localhost/api/alerts/export?status=closed"));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/open, resolved or all/);
    session.user = f.users.CUSTOMER;
    expect((await exportAlerts(new Request("http://localhost/api/alerts/export"))).status).toBe(403);
  });
});
