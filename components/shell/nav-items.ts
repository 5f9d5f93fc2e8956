import { Bell, Briefcase, KeyRound, LayoutDashboard, Route, Mail, Settings, SlidersHorizontal, Users } from "lucide-react";
import type { Permission } from "@/server/auth/permissions";

export type NavItem = { href: string; label: string; permission: Permission; icon: typeof LayoutDashboard; demoOnly?: boolean; exact?: boolean };

/** Staff navigation: an item shows when the role has its permission (the page checks it again). */
export const STAFF_NAV: NavItem[] = [
  { href: "/dashboard", label: "Dashboard", permission: "dashboard:read", icon: LayoutDashboard },
  { href: "/leads", label: "Leads & accounts", permission: "pipeline:read", icon: Users },
  { href: "/journeys", label: "Journeys", permission: "pipeline:read", icon: Route },
  { href: "/projects", label: "Projects", permission: "delivery:read", icon: Briefcase },
  { href: "/notifications", label: "Notifications", permission: "notifications:read", icon: Bell },
  { href: "/settings", label: "Settings", permission: "users:read", icon: Settings, exact: true },
  { href: "/settings/scoring", label: "Scoring", permission: "config:read", icon: SlidersHorizontal },
  { href: "/settings/api-keys", label: "API keys", permission: "config:write", icon: KeyRound },
  { href: "/dev/mail", label: "Dev mail", permission: "devmail:read", icon: Mail, demoOnly: true },
];
