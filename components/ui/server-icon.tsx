import { createElement, type SVGProps } from "react";
import { ICON_DATA } from "@/components/ui/server-icon-data";

type IconData = (typeof ICON_DATA)[keyof typeof ICON_DATA];

/**
 * Lucide icons for server components, drawn as plain SVG markup. lucide-react's components render through its
 * `Icon`, a client component (it reads a React context), and importing any of its icon modules puts that code on
 * the page even when nothing on it is interactive; the customer portal, whose JavaScript has a budget
 * (bench/README.md P3), draws its server-rendered icons with these instead. The drawings are copied from
 * lucide-react by `npm run icons:server` (scripts/server-icons.ts); the markup is lucide-react's own, byte for byte
 * (tests/unit/server-icon.test.ts). Client components keep using lucide-react directly.
 */
function serverIcon({ name, aliases, node }: IconData) {
  const base = ["lucide", `lucide-${name}`, ...aliases.map((a) => `lucide-${a}`)].join(" ");
  function ServerIcon({ className, ...props }: SVGProps<SVGSVGElement>) {
    const labelled = Object.keys(props).some((k) => k.startsWith("aria-") || k === "role" || k === "title");
    return createElement(
      "svg",
      {
        xmlns: "http://www.w3.org/2000/svg",
        width: 24,
        height: 24,
        viewBox: "0 0 24 24",
        fill: "none",
        stroke: "currentColor",
        strokeWidth: 2,
        strokeLinecap: "round",
        strokeLinejoin: "round",
        className: className ? `${base} ${className}` : base,
        ...(labelled ? {} : { "aria-hidden": "true" }),
        ...props,
      },
      node.map(([tag, attrs], i) => createElement(tag, { key: i, ...attrs })),
    );
  }
  ServerIcon.displayName = `ServerIcon(${name})`;
  return ServerIcon;
}

export const CircleAlertIcon = serverIcon(ICON_DATA.circleAlert);
export const InfoIcon = serverIcon(ICON_DATA.info);
export const LogOutIcon = serverIcon(ICON_DATA.logOut);
export const MoonIcon = serverIcon(ICON_DATA.moon);
export const SunIcon = serverIcon(ICON_DATA.sun);
export const TriangleAlertIcon = serverIcon(ICON_DATA.triangleAlert);
