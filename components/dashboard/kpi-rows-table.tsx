import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import type { KpiColumns } from "@/domain/dashboard/definitions";
import { formatValue, humanize } from "./format";

type Row = {
  key: string;
  label: string;
  sub: string | null;
  href: string | null;
  at: Date | null;
  value: number | null;
  detail: string | null;
  counted: boolean | null;
};

/** The rows behind a KPI: what was counted, and whether each row counts toward the numerator. */
export function KpiRowsTable({
  rows,
  columns,
  currency,
  caption,
}: {
  rows: Row[];
  columns: KpiColumns;
  currency: string;
  caption: string;
}) {
  if (rows.length === 0)
    return (
      <EmptyState
        title="No rows in this range"
        description="Nothing was measured for this KPI in the selected range. Try a longer range."
      />
    );
  return (
    <Table>
      <TableCaption>{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead>{columns.label}</TableHead>
          <TableHead>{columns.sub}</TableHead>
          <TableHead>{columns.at}</TableHead>
          {columns.value ? <TableHead className="text-right">{columns.value.label}</TableHead> : null}
          {columns.detail ? <TableHead>{columns.detail}</TableHead> : null}
          {columns.counted ? <TableHead>{columns.counted}</TableHead> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.key}>
            <TableCell className="font-medium">
              {r.href ? (
                <Link href={r.href} className="underline-offset-4 hover:underline">
                  {r.label}
                </Link>
              ) : (
                r.label
              )}
            </TableCell>
            <TableCell>{r.sub ?? "—"}</TableCell>
            <TableCell className="tabular-nums">{r.at ? formatDateTime(r.at) : "—"}</TableCell>
            {columns.value ? (
              <TableCell className="text-right tabular-nums">
                {formatValue(r.value, columns.value.kind, currency)}
              </TableCell>
            ) : null}
            {columns.detail ? (
              <TableCell className="max-w-80 truncate" title={r.detail ?? undefined}>
                {humanize(r.detail)}
              </TableCell>
            ) : null}
            {columns.counted ? <TableCell>{r.counted === null ? "—" : r.counted ? "Yes" : "No"}</TableCell> : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
