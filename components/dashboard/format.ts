import type { BadgeProps } from "@/components/ui/badge";
import { formatMoney } from "@/lib/money";
import { formatHours, formatNumber } from "@/lib/format";
import type { ValueKind } from "@/domain/dashboard/definitions";
import { DEFAULT_RANGE_DAYS, RANGE_PRESETS, type RangePreset } from "@/domain/dashboard/range";
import type { KpiStatus } from "@/domain/dashboard/targets";

type Tone = NonNullable<BadgeProps["variant"]>;

/** Words, not only colour: each status badge says met / missed / no data. */
export const KPI_STATUS: Record<KpiStatus, { label: string; tone: Tone }> = {
  met: { label: "Met", tone: "success" },
  missed: { label: "Missed", tone: "destructive" },
  no_data: { label: "No data", tone: "outline" },
};

/** The range lives in the URL (`?range=30|90|365`); anything else reads as the default. */
export function rangeFromParam(value: string | string[] | undefined): RangePreset {
  const n = Number(typeof value === "string" ? value : undefined);
  return (RANGE_PRESETS as readonly number[]).includes(n) ? (n as RangePreset) : DEFAULT_RANGE_DAYS;
}

export function withRange(path: string, days: RangePreset, extra: Record<string, string> = {}): string {
  const [base = path, hash] = path.split("#");
  const q = new URLSearchParams({ range: String(days), ...extra });
  return `${base}?${q.toString()}${hash ? `#${hash}` : ""}`;
}

export function formatValue(value: number | null, kind: ValueKind, currency: string): string {
  if (value === null || !Number.isFinite(value)) return "—";
  switch (kind) {
    case "cents":
      return formatMoney(Math.round(value), currency);
    case "hours":
      return formatHours(value);
    case "percent":
      return `${formatNumber(value)}%`;
    case "score10":
      return `${formatNumber(value)}/10`;
    case "score":
    case "count":
      return formatNumber(value);
  }
}

/** "AT_RISK" → "At risk"; free text (comments, "#2") is left alone. */
export function humanize(value: string | null): string {
  if (!value) return "—";
  if (!/^[A-Z][A-Z_]+$/.test(value)) return value;
  const words = value.toLowerCase().replaceAll("_", " ");
  return words[0]?.toUpperCase() + words.slice(1);
}
