import * as React from "react";
import { cva } from "class-variance-authority";

import { cn } from "@/lib/utils";

type StatTone = "neutral" | "success" | "warning" | "destructive";

const hintTone = cva("text-xs", {
  variants: {
    tone: {
      neutral: "text-muted-foreground",
      success: "text-success",
      warning: "text-warning",
      destructive: "text-destructive",
    },
  },
  defaultVariants: { tone: "neutral" },
});

const accentTone: Record<StatTone, string> = {
  neutral: "bg-transparent",
  success: "bg-success",
  warning: "bg-warning",
  destructive: "bg-destructive",
};

type StatTileProps = Omit<React.ComponentProps<"div">, "children"> & {
  label: React.ReactNode;
  value: React.ReactNode;
  /** Secondary line, e.g. "+12% vs last month". Colored by `tone`; make the text itself meaningful. */
  hint?: React.ReactNode;
  tone?: StatTone;
  /** Optional small icon shown next to the label. */
  icon?: React.ReactNode;
};

/** A KPI tile: label, big value, optional hint line colored by tone (server-safe). */
function StatTile({ label, value, hint, tone = "neutral", icon, className, ...props }: StatTileProps) {
  return (
    <div
      data-slot="stat-tile"
      data-tone={tone}
      className={cn(
        "relative flex flex-col gap-1 overflow-hidden rounded-xl border bg-card p-5 text-card-foreground shadow-xs",
        className,
      )}
      {...props}
    >
      <span aria-hidden="true" className={cn("absolute inset-y-0 left-0 w-1", accentTone[tone])} />
      <div className="flex items-center justify-between gap-2 text-sm font-medium text-muted-foreground">
        <span>{label}</span>
        {icon ? (
          <span aria-hidden="true" className="[&_svg]:size-4">
            {icon}
          </span>
        ) : null}
      </div>
      <div className="text-2xl font-semibold tracking-tight tabular-nums">{value}</div>
      {hint ? <p className={hintTone({ tone })}>{hint}</p> : null}
    </div>
  );
}

export { StatTile, type StatTileProps, type StatTone };
