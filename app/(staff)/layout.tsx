import { notFound, redirect } from "next/navigation";
import { StaffShell } from "@/components/shell/staff-shell";
import { TRPCReactProvider } from "@/lib/trpc/client";
import { api } from "@/lib/trpc/server";
import { isDemoMode } from "@/lib/env";
import { currentUser } from "@/server/auth/current-user";

// The shell only; every page below checks its own permission again (requirePermission).
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/login");
  if (user.role === "CUSTOMER") notFound();
  const { unread } = await (await api()).notifications.unreadCount();
  return (
    <TRPCReactProvider>
      <StaffShell user={user} unread={unread} demo={isDemoMode()}>
        {children}
      </StaffShell>
    </TRPCReactProvider>
  );
}
