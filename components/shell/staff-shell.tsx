import Link from "next/link";
import { Bell } from "lucide-react";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { ROLE_LABEL } from "@/lib/labels/role";
import { can } from "@/domain/access/permissions";
import type { SessionUser } from "@/server/auth/session-user";
import { NavLink } from "./nav-link";
import { STAFF_NAV } from "./nav-items";
import { UserMenu } from "./user-menu";

export function StaffShell({
  user,
  unread,
  demo,
  children,
}: {
  user: SessionUser;
  unread: number;
  demo: boolean;
  children: React.ReactNode;
}) {
  const items = STAFF_NAV.filter((item) => can(user.role, item.permission) && (!item.demoOnly || demo));
  return (
    <div className="flex min-h-dvh flex-col md:flex-row">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-background focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <aside className="border-b bg-sidebar md:sticky md:top-0 md:h-dvh md:w-60 md:shrink-0 md:border-r md:border-b-0">
        <div className="flex items-center gap-2 px-4 py-4 font-semibold tracking-tight">
          <span
            aria-hidden
            className="grid size-7 place-items-center rounded-md bg-primary text-sm text-primary-foreground"
          >
            O
          </span>
          <span>Onward</span>
          <span className="ml-auto truncate text-xs font-normal text-muted-foreground md:hidden">
            {user.tenantName}
          </span>
        </div>
        <nav aria-label="Main" className="flex gap-1 overflow-x-auto px-2 pb-2 md:flex-col md:overflow-visible">
          {items.map((item) => (
            <NavLink key={item.href} href={item.href} exact={item.exact}>
              <item.icon aria-hidden className="size-4" />
              {item.label}
            </NavLink>
          ))}
        </nav>
        <p className="hidden px-4 pt-4 text-xs text-muted-foreground md:block">{user.tenantName}</p>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-end gap-2 border-b px-4 py-2">
          <Link
            href="/notifications"
            className="relative inline-flex size-9 items-center justify-center rounded-md hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
            aria-label={`Notifications: ${unread} unread`}
          >
            <Bell aria-hidden className="size-4" />
            {unread > 0 ? (
              <span className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-primary px-1 text-center text-[10px] leading-4 text-primary-foreground">
                {unread > 99 ? "99+" : unread}
              </span>
            ) : null}
          </Link>
          <ThemeToggle />
          <UserMenu name={user.name} detail={ROLE_LABEL[user.role]} />
        </header>
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 p-4 md:p-8">
          {children}
        </main>
      </div>
    </div>
  );
}
