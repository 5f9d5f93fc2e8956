"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { UserStatusButton } from "@/components/settings/user-status-button";
import { ResetTwoFactorButton } from "@/components/settings/two-factor/reset-two-factor-button";
import { Badge } from "@/components/ui/badge";
import type { DataTableColumn } from "@/components/ui/data-table";
import { formatDate } from "@/lib/format";
import type { AppRouter } from "@/server/api/root";
import { ROLE_LABEL } from "@/lib/labels/role";

/** isMe: the viewer's own row, which cannot disable itself */
type UserRow = inferRouterOutputs<AppRouter>["users"]["list"]["rows"][number] & { isMe: boolean };

export const USER_COLUMNS: DataTableColumn<UserRow>[] = [
  { id: "name", header: "Name", className: "font-medium", cell: (u) => u.name },
  { id: "email", header: "Email", cell: (u) => u.email },
  {
    id: "role",
    header: "Role",
    cell: (u) => (
      <>
        {ROLE_LABEL[u.role]}
        {u.customerAccount ? (
          <span className="block text-xs text-muted-foreground">
            {u.customerAccount.name}
            {u.isApprover ? " · approver" : ""}
          </span>
        ) : null}
      </>
    ),
  },
  { id: "login", header: "Last sign-in", cell: (u) => (u.lastLoginAt ? formatDate(u.lastLoginAt) : "Never") },
  {
    id: "status",
    header: "Status",
    cell: (u) =>
      u.disabledAt ? <Badge variant="destructive">Disabled</Badge> : <Badge variant="success">Active</Badge>,
  },
];

/** For admins who manage users: the list with each user's enable / disable button. */
export const USER_COLUMNS_WITH_ACTIONS: DataTableColumn<UserRow>[] = [
  ...USER_COLUMNS,
  {
    id: "actions",
    header: "Actions",
    align: "right",
    cell: (u) => (
      <div className="flex justify-end gap-2">
        {u.totpEnabledAt ? <ResetTwoFactorButton userId={u.id} name={u.name} /> : null}
        {u.isMe ? null : <UserStatusButton userId={u.id} name={u.name} disabled={Boolean(u.disabledAt)} />}
      </div>
    ),
  },
];
