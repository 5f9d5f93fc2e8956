import { notFound, redirect } from "next/navigation";
import { StaffShell } from "@/components/shell/staff-shell";
import { api } from "@/trpc/server";
import { isDevMailEnabled } from "@/lib/demo";
import { currentUser } from "@/server/auth/current-user";

// The shell only; every page below checks its own permission again (requirePermission). Sections whose
// client components call tRPC mount the provider in their own layout (components/shell/trpc-section-layout.tsx).
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/login");
  if (user.role === "CUSTOMER") notFound();
  // until a required two-factor set-up is done, the shell shows nothing of the workspace (server/auth/two-factor-gate.ts)
  const { unread } = user.mustEnrolTwoFactor ? { unread: 0 } : await (await api()).notifications.unreadCount();
  return (
    <StaffShell user={user} unread={unread} demo={isDevMailEnabled()}>
      {children}
    </StaffShell>
  );
}
