// Written by scripts/server-icons.ts from lucide-react (ISC licence); do not edit by hand.
export const ICON_DATA = {
  circleAlert: {
    name: "circle-exclamation-point",
    aliases: ["alert-circle", "circle-alert"],
    node: [
      ["circle", { cx: "12", cy: "12", r: "10" }],
      ["line", { x1: "12", x2: "12", y1: "8", y2: "12" }],
      ["line", { x1: "12", x2: "12.01", y1: "16", y2: "16" }],
    ],
  },
  info: {
    name: "info",
    aliases: [],
    node: [
      ["circle", { cx: "12", cy: "12", r: "10" }],
      ["path", { d: "M12 16v-4" }],
      ["path", { d: "M12 8h.01" }],
    ],
  },
  logOut: {
    name: "log-out",
    aliases: [],
    node: [
      ["path", { d: "m16 17 5-5-5-5" }],
      ["path", { d: "M21 12H9" }],
      ["path", { d: "M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4" }],
    ],
  },
  moon: {
    name: "moon",
    aliases: [],
    node: [
      [
        "path",
        {
          d: "M20.985 12.486a9 9 0 1 1-9.473-9.472c.405-.022.617.46.402.803a6 6 0 0 0 8.268 8.268c.344-.215.825-.004.803.401",
        },
      ],
    ],
  },
  sun: {
    name: "sun",
    aliases: [],
    node: [
      ["circle", { cx: "12", cy: "12", r: "4" }],
      ["path", { d: "M12 2v2" }],
      ["path", { d: "M12 20v2" }],
      ["path", { d: "m4.93 4.93 1.41 1.41" }],
      ["path", { d: "m17.66 17.66 1.41 1.41" }],
      ["path", { d: "M2 12h2" }],
      ["path", { d: "M20 12h2" }],
      ["path", { d: "m6.34 17.66-1.41 1.41" }],
      ["path", { d: "m19.07 4.93-1.41 1.41" }],
    ],
  },
  triangleAlert: {
    name: "triangle-exclamation-point",
    aliases: ["alert-triangle", "triangle-alert"],
    node: [
      ["path", { d: "m21.73 18-8-14a2 2 0 0 0-3.48 0l-8 14A2 2 0 0 0 4 21h16a2 2 0 0 0 1.73-3" }],
      ["path", { d: "M12 9v4" }],
      ["path", { d: "M12 17h.01" }],
    ],
  },
} as const satisfies Record<
  string,
  { name: string; aliases: readonly string[]; node: readonly (readonly [string, Readonly<Record<string, string>>])[] }
>;
