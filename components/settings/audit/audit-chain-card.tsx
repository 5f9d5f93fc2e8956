import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDate } from "@/lib/utils";
import type { AuditVerification } from "@/server/engines/audit/chain";

/** The tenant's audit hash chain as recomputed when the page was rendered (issue 10 item 6). */
export function AuditChainCard({ result }: { result: AuditVerification & { checkedAt: Date } }) {
  return (
    <Card className="mt-6">
      <CardHeader>
        <CardTitle as="h2">Audit trail</CardTitle>
      </CardHeader>
      <CardContent className="space-y-2 text-sm">
        <p>
          {result.ok
            ? <Badge variant="success">Chain intact</Badge>
            : <Badge variant="destructive">Chain broken at #{result.firstBad?.seq}</Badge>}{" "}
          {result.entries} entries recomputed {formatDate(result.checkedAt)}; each one hashes every stored field and the one before it.
        </p>
        {result.firstBad ? (
          <Alert variant="destructive">
            <AlertDescription>{result.firstBad.reason}{result.firstBad.id ? ` (entry ${result.firstBad.id})` : ""}</AlertDescription>
          </Alert>
        ) : null}
      </CardContent>
    </Card>
  );
}
