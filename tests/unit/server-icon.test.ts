import { AlertTriangle, CircleAlert, Info, LogOut, Moon, Sun, type LucideIcon } from "lucide-react";
import { createElement, type ReactNode, type SVGProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  CircleAlertIcon,
  InfoIcon,
  LogOutIcon,
  MoonIcon,
  SunIcon,
  TriangleAlertIcon,
} from "@/components/ui/server-icon";

const PAIRS: [string, (props: SVGProps<SVGSVGElement>) => ReactNode, LucideIcon][] = [
  ["circle-alert", CircleAlertIcon, CircleAlert],
  ["info", InfoIcon, Info],
  ["log-out", LogOutIcon, LogOut],
  ["moon", MoonIcon, Moon],
  ["sun", SunIcon, Sun],
  ["triangle-alert", TriangleAlertIcon, AlertTriangle],
];

// The server-drawn icons must be lucide-react's own markup, byte for byte, with and without a label: a lucide-react
// upgrade that redraws one fails here (run `npm run icons:server`).
describe("components/ui/server-icon", () => {
  for (const [name, Mine, Theirs] of PAIRS)
    it(`draws ${name} exactly as lucide-react does`, () => {
      for (const props of [{}, { className: "size-4 dark:hidden" }, { "aria-hidden": true }, { "aria-label": "x" }]) {
        const mine = renderToStaticMarkup(createElement(Mine, props));
        expect(mine).toBe(renderToStaticMarkup(createElement(Theirs, props)));
        expect(mine).toMatch(
          /^<svg [^>]*viewBox="0 0 24 24"[^>]*>(<(path|circle|line|polyline|rect)[^>]*><\/\2>)+<\/svg>$/,
        );
      }
    });
});
