/**
 * Five-field cron expressions (minute hour day-of-month month day-of-week, UTC) as Vercel reads them
 * from vercel.json, so the self-hosted scheduler (scripts/scheduler.ts) fires on the same minutes.
 * Supports *, numbers, ranges a-b, steps ("every n", e.g. every 5 minutes) and a-b/n, and lists; day-of-week 0 or 7 is Sunday.
 * When both day fields are restricted a day matching either fires (classic cron).
 */
type Field = { values: Set<number>; any: boolean };

const RANGES: [number, number][] = [
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 7],
];

function parseField(text: string, [min, max]: [number, number]): Field {
  const values = new Set<number>();
  for (const part of text.split(",")) {
    const [range = "", stepText] = part.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`Bad step in "${text}"`);
    let from = min;
    let to = max;
    if (range !== "*") {
      const [a, b] = range.split("-");
      from = Number(a);
      to = b === undefined ? (stepText === undefined ? from : max) : Number(b);
    }
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < min || to > max || from > to)
      throw new Error(`Out of range: "${text}" (${min}-${max})`);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return { values, any: text === "*" };
}

export type CronSchedule = { matches: (at: Date) => boolean };

export function parseCron(expression: string): CronSchedule {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`A cron expression has 5 fields: "${expression}"`);
  const [minute, hour, dom, month, dow] = parts.map((p, i) => parseField(p, RANGES[i] as [number, number])) as [
    Field,
    Field,
    Field,
    Field,
    Field,
  ];
  if (dow.values.has(7)) dow.values.add(0);
  return {
    matches(at: Date) {
      if (
        !minute.values.has(at.getUTCMinutes()) ||
        !hour.values.has(at.getUTCHours()) ||
        !month.values.has(at.getUTCMonth() + 1)
      )
        return false;
      const domOk = dom.values.has(at.getUTCDate());
      const dowOk = dow.values.has(at.getUTCDay());
      if (dom.any || dow.any) return domOk && dowOk;
      return domOk || dowOk;
    },
  };
}
