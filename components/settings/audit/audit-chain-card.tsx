import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDate } from "@/lib/format";
import type { verifyTenantChains } from "@/server/services/audit";

type Verification = Awaited<ReturnType<typeof verifyTenantChains>>;

/**
 * Every tamper-evident chain of the workspace as recomputed when the page was rendered: the audit trail
 * and each project's sign-offs (docs/security.md#audit-chain). A broken one names its first bad entry.
 */
export function AuditChainCard({ result }: { result: Verification }) {
  const { signOffs } = result;
  const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
  return (
    <Card className="mt-6" data-testid="chains-card">
      <CardHeader>
        <CardTitle as="h2">Audit trail and sign-offs</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3 text-sm">
        <p>
          {result.ok ? (
            <Badge variant="success">All chains intact</Badge>
          ) : (
            <Badge variant="destructive">A chain is broken</Badge>
          )}{" "}
          Recomputed {formatDate(result.checkedAt)}; each entry hashes every stored field and the one before it.
        </p>
        <ul className="space-y-1">
          <li>
            Audit trail: {plural(result.entries, "entry", "entries")} —{" "}
            {result.auditOk ? (
              "intact"
            ) : (
              <span className="font-medium text-destructive">broken at #{result.firstBad?.seq}</span>
            )}
          </li>
          <li>
            Sign-offs: {plural(signOffs.chains, "project", "projects")}, {plural(signOffs.entries, "entry", "entries")}{" "}
            —{" "}
            {signOffs.broken.length === 0 ? (
              "intact"
            ) : (
              <span className="font-medium text-destructive">
                {plural(signOffs.broken.length, "project", "projects")} broken
              </span>
            )}
          </li>
        </ul>
        {result.firstBad ? (
          <Alert variant="destructive">
            <AlertDescription>
              Audit trail: {result.firstBad.reason}
              {result.firstBad.id ? ` (entry ${result.firstBad.id})` : ""}
            </AlertDescription>
          </Alert>
        ) : null}
        {signOffs.broken.map((b) => (
          <Alert variant="destructive" key={b.projectId}>
            <AlertDescription>
              Sign-offs of {b.projectName}: {b.reason}
              {b.entryId ? ` (entry ${b.entryId})` : ""}
            </AlertDescription>
          </Alert>
        ))}
      </CardContent>
    </Card>
  );
}
