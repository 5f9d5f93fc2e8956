import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export type CriterionRow = {
  key: string;
  name: string;
  unit: string;
  target: number;
  actual: number | null;
  achievementScore: number;
  weight: number;
  weightedScore: number;
  evidence: string[];
  stakeholderConfirmation: { text: string };
  reason: string;
};

/** The final validation per criterion (docs/domain.md#success-validation): target vs actual, achievement, weight, weighted score, evidence. */
export function ValidationTable({
  criteria,
  successScore,
  threshold,
  caption,
}: {
  criteria: CriterionRow[];
  successScore: number;
  threshold: number;
  caption: string;
}) {
  return (
    <Table>
      <TableCaption>{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead>Criterion</TableHead>
          <TableHead className="text-right">Target</TableHead>
          <TableHead className="text-right">Actual</TableHead>
          <TableHead className="text-right">Achievement</TableHead>
          <TableHead className="text-right">Weight</TableHead>
          <TableHead className="text-right">Weighted</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {criteria.map((c) => (
          <TableRow key={c.key} className="align-top">
            <TableCell className="max-w-md whitespace-normal">
              <span className="font-medium">{c.name}</span>
              <ul className="mt-1 grid gap-0.5 text-xs text-muted-foreground">
                {c.evidence.map((e) => (
                  <li key={e}>{e}</li>
                ))}
                <li>{c.stakeholderConfirmation.text}</li>
              </ul>
            </TableCell>
            <TableCell className="text-right">
              {c.target}
              <span className="sr-only"> {c.unit}</span>
            </TableCell>
            <TableCell className="text-right">{c.actual ?? "—"}</TableCell>
            <TableCell className="text-right">{c.achievementScore}</TableCell>
            <TableCell className="text-right">{Math.round(c.weight * 100)}%</TableCell>
            <TableCell className="text-right font-medium">{c.weightedScore}</TableCell>
          </TableRow>
        ))}
        <TableRow>
          <TableCell className="font-semibold">Success score</TableCell>
          <TableCell colSpan={4} className="text-right text-muted-foreground">
            threshold {threshold}
          </TableCell>
          <TableCell className="text-right font-semibold">{successScore}</TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
}
