import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

type Part = {
  key: string;
  label: string;
  display: string | null;
  score: number | null;
  weight: number;
  effectiveWeight: number;
  contribution: number;
  available: boolean;
  reason: string;
};

/** Each component (or factor) with its value, weight and contribution: the answer to "why 64?". */
export function HealthBreakdown({ parts, total, caption }: { parts: Part[]; total: number | null; caption: string }) {
  return (
    <Table>
      <TableCaption>{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead>Component</TableHead>
          <TableHead>Value</TableHead>
          <TableHead className="text-right">Score</TableHead>
          <TableHead className="text-right">Weight</TableHead>
          <TableHead className="text-right">Contribution</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {parts.map((p) => (
          <TableRow key={p.key} className={p.available ? undefined : "text-muted-foreground"}>
            <TableCell className="min-w-40 whitespace-normal">
              <span className="font-medium">{p.label}</span>
              <span className="block text-xs text-muted-foreground">{p.reason}</span>
            </TableCell>
            <TableCell className="min-w-20 whitespace-normal">{p.display ?? "no data: left out"}</TableCell>
            <TableCell className="text-right">{p.score ?? "—"}</TableCell>
            <TableCell className="text-right">
              {Math.round(p.weight * 100)}%
              {p.available && Math.abs(p.effectiveWeight - p.weight) > 0.0005 ? (
                <span className="block text-xs text-muted-foreground">
                  → {Math.round(p.effectiveWeight * 1000) / 10}%
                </span>
              ) : null}
            </TableCell>
            <TableCell className="text-right font-medium">{p.available ? p.contribution : "—"}</TableCell>
          </TableRow>
        ))}
        <TableRow>
          <TableCell colSpan={4} className="font-semibold">
            Total
          </TableCell>
          <TableCell className="text-right font-semibold">{total ?? "not scored yet"}</TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
}
