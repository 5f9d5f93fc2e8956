import {
  Bell,
  BellRing,
  ShieldCheck,
  Siren,
  Briefcase,
  Palette,
  HeartPulse,
  KeyRound,
  LayoutDashboard,
  Mail,
  ReceiptText,
  Route,
  Settings,
  SlidersHorizontal,
  Timer,
  Users,
  Webhook,
} from "lucide-react";
import type { Permission } from "@/domain/access/permissions";

export type NavItem = {
  href: string;
  label: string;
  permission: Permission;
  icon: typeof LayoutDashboard;
  demoOnly?: boolean;
  exact?: boolean;
};

/** Staff navigation: an item shows when the role has its permission (the page checks it again). */
export const STAFF_NAV: NavItem[] = [
  { href: "/dashboard", label: "Dashboard", permission: "dashboard:read", icon: LayoutDashboard },
  { href: "/leads", label: "Lead pipeline", permission: "pipeline:read", icon: Users },
  { href: "/journeys", label: "Journeys", permission: "pipeline:read", icon: Route },
  { href: "/projects", label: "Projects", permission: "delivery:read", icon: Briefcase },
  { href: "/accounts", label: "Customer health", permission: "retention:read", icon: HeartPulse },
  { href: "/alerts", label: "Alerts", permission: "alerts:read", icon: Siren },
  { href: "/refunds", label: "Refunds", permission: "refunds:read", icon: ReceiptText },
  { href: "/notifications", label: "Notifications", permission: "notifications:read", icon: Bell },
  { href: "/settings", label: "Settings", permission: "users:read", icon: Settings, exact: true },
  { href: "/settings/scoring", label: "Scoring", permission: "config:read", icon: SlidersHorizontal },
  { href: "/settings/api-keys", label: "API keys", permission: "config:write", icon: KeyRound },
  { href: "/settings/webhooks", label: "Webhooks", permission: "webhooks:manage", icon: Webhook },
  { href: "/settings/branding", label: "Branding", permission: "branding:write", icon: Palette },
  { href: "/settings/sso", label: "Single sign-on", permission: "sso:manage", icon: ShieldCheck },
  { href: "/settings/jobs", label: "Jobs", permission: "jobs:manage", icon: Timer },
  { href: "/settings/notifications", label: "Notification settings", permission: "preferences:write", icon: BellRing },
  { href: "/settings/two-factor", label: "Two-factor sign-in", permission: "twofactor:manage", icon: ShieldCheck },
  { href: "/dev/mail", label: "Dev mail", permission: "devmail:read", icon: Mail, demoOnly: true },
];
