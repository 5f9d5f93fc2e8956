import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { QualityScoreChart, type QualityPoint } from "@/components/projects/quality-score-chart";

type Box = { left: number; right: number; top: number; bottom: number };
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const attr = (tag: string, name: string) => tag.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1];

/** Each SVG text's box, estimated from its anchor, font size and length (about 0.6 em a character). */
function textBoxes(svg: string): (Box & { text: string })[] {
  return [...svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)].map(([, tag = "", text = ""]) => {
    const x = Number(attr(tag, "x"));
    const y = Number(attr(tag, "y"));
    const size = Number(attr(tag, "font-size") ?? 11);
    const width = text.length * size * 0.6;
    const anchor = attr(tag, "text-anchor") ?? "start";
    const left = anchor === "end" ? x - width : anchor === "middle" ? x - width / 2 : x;
    const middle = attr(tag, "dominant-baseline") === "middle";
    return {
      text,
      left,
      right: left + width,
      top: middle ? y - size / 2 : y - size,
      bottom: middle ? y + size / 2 : y,
    };
  });
}

function pointBoxes(svg: string): Box[] {
  return [...svg.matchAll(/<circle([^>]*)>/g)].map(([, tag = ""]) => {
    const [cx, cy, r] = [Number(attr(tag, "cx")), Number(attr(tag, "cy")), Number(attr(tag, "r"))];
    return { left: cx - r, right: cx + r, top: cy - r, bottom: cy + r };
  });
}

const day = (d: number) => new Date(Date.UTC(2026, 10, d));
const point = (d: number, score: number, type = "COMPREHENSIVE"): QualityPoint => ({
  id: `q${d}${type}`,
  type,
  score,
  escalated: score < 70,
  createdAt: day(d),
});

describe("quality score chart", () => {
  it("draws no label over a point, wherever the latest scores sit against the escalation line", () => {
    for (const latest of [72, 75, 80, 100, 0, 50]) {
      const svg = renderToStaticMarkup(
        createElement(QualityScoreChart, {
          points: [
            point(1, 90),
            point(4, 66),
            point(8, 80, "CODE"),
            point(12, latest),
            point(12, latest + (latest > 90 ? -3 : 3), "CODE"),
          ],
          escalationScore: 70,
        }),
      );
      const points = pointBoxes(svg);
      expect(points.length).toBe(5);
      for (const label of textBoxes(svg)) {
        expect(
          points.some((p) => overlaps(label, p)),
          `"${label.text}" over a point (latest ${latest})`,
        ).toBe(false);
      }
    }
  });

  it("still names the escalation line", () => {
    const html = renderToStaticMarkup(
      createElement(QualityScoreChart, { points: [point(1, 90), point(5, 60)], escalationScore: 70 }),
    );
    expect(html).toMatch(/[Ee]scalation below 70/);
  });
});
