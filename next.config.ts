import type { NextConfig } from "next";

// pages get the full nonce-based policy from proxy.ts; this one covers API routes and files — except the
// documents that set their own (still script-free) policy, which this header would otherwise replace:
// the logo (docs/branding.md#logo-url), certificates and dossiers (inline styles, embedded logo)
const OWN_CSP = "api/branding/logo|api/portal/certificate|api/dossier";
const defaultCsp = {
  key: "Content-Security-Policy",
  value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
};

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  ...(process.env.NODE_ENV === "production"
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
    : []),
  // features Onward never uses are denied to every page and frame (docs/security.md#web-hardening-decisions)
  {
    key: "Permissions-Policy",
    value: [
      "accelerometer",
      "autoplay",
      "camera",
      "display-capture",
      "encrypted-media",
      "geolocation",
      "gyroscope",
      "hid",
      "magnetometer",
      "microphone",
      "midi",
      "payment",
      "serial",
      "usb",
      "xr-spatial-tracking",
    ]
      .map((feature) => `${feature}=()`)
      .join(", "),
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

// user data is never stored by a browser or a shared cache; the logo is public (docs/branding.md#logo-url)
const noStore = { key: "Cache-Control", value: "private, no-store" };

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // native / server-only packages stay out of the bundle
  serverExternalPackages: [
    "@node-rs/argon2",
    "pino",
    "pg",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "rate-limiter-flexible",
  ],
  // eslint-disable-next-line @typescript-eslint/require-await -- Next's NextConfig types headers() as returning a Promise
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // the logo is shown in other sites' mail clients; everything else is read by Onward's own pages only
      {
        source: "/:path((?!api/branding/logo).*)",
        headers: [{ key: "Cross-Origin-Resource-Policy", value: "same-origin" }],
      },
      {
        source: "/api/branding/logo/:path*",
        headers: [{ key: "Cross-Origin-Resource-Policy", value: "cross-origin" }],
      },
      { source: "/api/:path((?!branding/logo).*)", headers: [noStore] },
      { source: `/:path((?!${OWN_CSP}).*)`, headers: [defaultCsp] },
    ];
  },
};

export default nextConfig;
