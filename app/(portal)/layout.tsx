import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { UserMenu } from "@/components/shell/user-menu";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { currentUser } from "@/server/auth/current-user";
import { db } from "@/server/db/client";
import { tenantBrand } from "@/server/services/branding";
import { stakeholderRoleLabel } from "@/lib/labels/stakeholder-role";

// The customer portal shell; each page checks access again (requirePermission("portal:read")). The tRPC
// client provider is mounted by the pages whose forms use it, so the others (the project page) ship
// neither the tRPC client nor react-query (the portal JavaScript budget, bench/README.md). The provider's branding (docs/branding.md#portal)
// replaces the mark, the name and, in the light theme, the primary colour; without it the portal looks as before.
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/login?mode=customer");
  if (user.role !== "CUSTOMER") notFound();
  const brand = await tenantBrand(db(), user.tenantId);
  const name = brand?.name ?? user.tenantName;
  return (
    <div className="portal-brand min-h-dvh bg-muted/30">
      {brand?.accent ? (
        // the accent was checked against white (4.5:1) and is re-normalised to #rrggbb, so nothing else reaches this rule
        <style>{`:root:not(.dark) .portal-brand { --primary: ${brand.accent}; --primary-foreground: #ffffff; --ring: ${brand.accent}; }`}</style>
      ) : null}
      <header className="border-b bg-background">
        {/* on a phone the links take their own row under the name and the account controls */}
        <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
          <a href="/portal" className="flex min-w-0 items-center gap-2 font-semibold tracking-tight">
            {brand?.logoPath ? (
              // eslint-disable-next-line @next/next/no-img-element -- the provider's uploaded logo, served by our own route
              <img
                src={brand.logoPath}
                alt={`${name} logo`}
                className="h-8 w-auto max-w-40 object-contain"
                data-testid="portal-logo"
              />
            ) : (
              <span
                aria-hidden
                className="grid size-7 shrink-0 place-items-center rounded-md bg-primary text-sm text-primary-foreground"
              >
                O
              </span>
            )}
            <span className="truncate">{name}</span>
            <span className="hidden text-sm font-normal text-muted-foreground sm:inline">project portal</span>
          </a>
          <nav
            aria-label="Portal"
            className="order-last -mx-2 flex w-full flex-wrap items-center gap-1 text-sm md:order-none md:mx-0 md:ml-auto md:w-auto"
          >
            <Link href="/portal" className="rounded-md px-2 py-1 hover:bg-muted">
              Projects
            </Link>
            <Link href="/portal/learn" className="rounded-md px-2 py-1 hover:bg-muted">
              Getting started
            </Link>
            <Link href="/portal/preferences" className="rounded-md px-2 py-1 hover:bg-muted">
              Preferences
            </Link>
          </nav>
          <div className="ml-auto flex items-center gap-2 md:ml-0">
            <ThemeToggle />
            <UserMenu name={user.name} detail={stakeholderRoleLabel(user.stakeholderRole) ?? "Customer"} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-5xl p-4 md:p-8">
        {children}
      </main>
    </div>
  );
}
