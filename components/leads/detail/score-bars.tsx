import { Badge, type BadgeProps } from "@/components/ui/badge";
import type { CategoryResult, FitStatus, ServiceFit } from "@/domain/qualification/score";

export function Bar({ value, max, label }: { value: number; max: number; label: string }) {
  const pct = max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={0}
      aria-valuemax={max}
      className="h-2 w-full overflow-hidden rounded-full bg-muted"
    >
      <div className="h-full rounded-full bg-primary transition-[width]" style={{ width: `${pct}%` }} />
    </div>
  );
}

export function CategoryBars({ categories }: { categories: CategoryResult[] }) {
  return (
    <ul className="grid gap-3">
      {categories.map((c) => (
        <li key={c.key} className="grid gap-1">
          <div className="flex justify-between text-sm">
            <span>{c.label}</span>
            <span className="tabular-nums text-muted-foreground">
              {c.points}/{c.maxPoints}
            </span>
          </div>
          <Bar value={c.points} max={c.maxPoints} label={`${c.label}: ${c.points} of ${c.maxPoints} points`} />
        </li>
      ))}
    </ul>
  );
}

export const FIT_STATUS: Record<FitStatus, { label: string; tone: NonNullable<BadgeProps["variant"]> }> = {
  ideal: { label: "Ideal", tone: "success" },
  fits: { label: "Fits", tone: "secondary" },
  below_minimum: { label: "Below minimum", tone: "warning" },
  disqualified: { label: "Disqualified", tone: "destructive" },
};

export function FitList({ fit }: { fit: ServiceFit[] }) {
  return (
    <ul className="grid gap-3">
      {fit.map((f) => {
        const status = FIT_STATUS[f.status];
        return (
          <li key={f.serviceType} className="rounded-md border p-3">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span className="font-medium">{f.label}</span>
              <Badge variant={status.tone}>{status.label}</Badge>
            </div>
            {f.reasons.length > 0 ? (
              <ul className="mt-2 list-disc pl-5 text-sm text-muted-foreground">
                {f.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
