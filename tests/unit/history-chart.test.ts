import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { HistoryChart } from "@/components/retention/history-chart";

const day = (d: number) => new Date(Date.UTC(2026, 10, d));
const marks = (html: string, series: string) =>
  [...html.matchAll(new RegExp(`<(polyline|circle)[^>]*data-series="${series}"[^>]*>`, "g"))].map((m) => m[1]);

describe("account history chart", () => {
  it("breaks a line at a day without a value and at a day without a snapshot, never bridging it", () => {
    const html = renderToStaticMarkup(
      createElement(HistoryChart, {
        points: [
          { day: day(1), score: 60, expansion: 40 },
          { day: day(2), score: 62, expansion: 42 },
          { day: day(3), score: 63, expansion: null }, // no expansion figure this day
          { day: day(4), score: 64, expansion: 45 },
          { day: day(5), score: 65, expansion: 46 },
          // no snapshot on the 6th and 7th
          { day: day(8), score: 70, expansion: 50 },
        ],
      }),
    );
    // health: days 1–5 and day 8 alone; expansion: days 1–2, 4–5 and day 8 alone
    expect(html.match(/<polyline/g)).toHaveLength(3);
    expect(marks(html, "health")).toEqual(["polyline", "circle"]);
    expect(marks(html, "expansion")).toEqual(["polyline", "polyline", "circle"]);
  });

  it("draws one line through consecutive days", () => {
    const html = renderToStaticMarkup(
      createElement(HistoryChart, {
        points: [1, 2, 3].map((d) => ({ day: day(d), score: 50 + d, expansion: 30 + d })),
      }),
    );
    expect(marks(html, "health")).toEqual(["polyline"]);
    expect(marks(html, "expansion")).toEqual(["polyline"]);
  });
});
