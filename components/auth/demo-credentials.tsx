import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DEMO_PASSWORD, DEMO_USERS } from "@/prisma/seed/tenants";
import { ROLE_LABEL } from "@/lib/labels/role";
import { stakeholderRoleLabel } from "@/lib/labels/stakeholder-role";

/** Shown on the login page in the demo only (isDemoMode). */
export function DemoCredentials() {
  const main = DEMO_USERS.filter((u) => u.tenantSlug === "northwind-labs");
  const staff = main.filter((u) => u.role !== "CUSTOMER");
  const customers = main.filter(
    (u) => u.role === "CUSTOMER" && (u.email.endsWith("@acme.test") || u.email.endsWith("@globex.test")),
  );
  return (
    <Card data-testid="demo-credentials">
      <CardHeader>
        <CardTitle as="h2" className="text-base">
          Demo accounts
        </CardTitle>
        <CardDescription>
          Staff password for every staff account:{" "}
          <code className="rounded bg-muted px-1 font-mono text-foreground">{DEMO_PASSWORD}</code>. Customers sign in by
          magic link, read in the dev mail viewer.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        <ul className="grid gap-1">
          {staff.map((u) => (
            <li key={u.email} className="flex flex-wrap justify-between gap-x-3">
              <code className="font-mono">{u.email}</code>
              <span className="text-muted-foreground">{ROLE_LABEL[u.role]}</span>
            </li>
          ))}
        </ul>
        <ul className="grid gap-1 border-t pt-3">
          {customers.map((u) => (
            <li key={u.email} className="flex flex-wrap justify-between gap-x-3">
              <code className="font-mono">{u.email}</code>
              <span className="text-muted-foreground">
                {u.accountName} · {(stakeholderRoleLabel(u.stakeholderRole) ?? "customer").toLowerCase()}
              </span>
            </li>
          ))}
        </ul>
        <p className="text-xs text-muted-foreground">
          A second tenant, Bluebird Digital (admin@bluebird.test), proves isolation.
        </p>
      </CardContent>
    </Card>
  );
}
