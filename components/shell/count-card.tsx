import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

export type CountRow = { key: string; label: React.ReactNode; count: number };

/** A titled card listing labelled counts (status → n), with an empty state. */
export function CountCard({
  title,
  rows,
  empty,
  className,
}: {
  title: string;
  rows: CountRow[];
  empty: { title: string; description?: string };
  className?: string;
}) {
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  return (
    <Card className={className}>
      <CardHeader>
        <CardTitle as="h2">{title}</CardTitle>
      </CardHeader>
      <CardContent>
        {total === 0 ? (
          <EmptyState title={empty.title} description={empty.description} />
        ) : (
          <ul className="grid gap-2">
            {rows.map((r) => (
              <li key={r.key} className="flex items-center justify-between text-sm">
                {r.label}
                <span className="tabular-nums">{r.count}</span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
