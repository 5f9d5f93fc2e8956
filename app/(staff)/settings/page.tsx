import type { Metadata } from "next";
import { z } from "zod";
import { PageHeader } from "@/components/shell/page-header";
import { Pagination } from "@/components/shell/pagination";
import { AuditChainCard } from "@/components/settings/audit/audit-chain-card";
import { InviteUserDialog } from "@/components/settings/invite-user-dialog";
import { DismissChecklistButton } from "@/components/settings/onboarding/dismiss-checklist-button";
import { OnboardingChecklist } from "@/components/settings/onboarding/onboarding-checklist";
import { WorkspaceCard } from "@/components/settings/workspace/workspace-card";
import { USER_COLUMNS, USER_COLUMNS_WITH_ACTIONS } from "@/components/lists/user-columns";
import { DataTable } from "@/components/ui/data-table";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { ROLES } from "@/lib/schemas/users";
import { api } from "@/trpc/server";
import {
  listHref,
  parseSearchParams,
  zOneOfParam,
  zPageParam,
  zTextParam,
  type RawSearchParams,
} from "@/lib/search-params";
import { requirePermission } from "@/server/auth/guard";
import { ROLE_LABEL } from "@/lib/labels/role";
import { can } from "@/domain/access/permissions";

export const metadata: Metadata = { title: "Settings" };

const PAGE_SIZE = 20;

const ZUserParams = z.object({ q: zTextParam(100), role: zOneOfParam(ROLES), page: zPageParam });

export default async function SettingsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const me = await requirePermission("users:read");
  const { q: search, role, page } = parseSearchParams(ZUserParams, await searchParams);
  const trpc = await api();
  const manage = can(me.role, "users:manage");
  const configWrite = can(me.role, "config:write");
  const [{ rows, total }, accounts, workspace, auditChain] = await Promise.all([
    trpc.users.list({ search, role, page, pageSize: PAGE_SIZE }),
    manage ? trpc.users.accountOptions() : Promise.resolve([]),
    configWrite ? trpc.workspace.settings() : Promise.resolve(null),
    can(me.role, "audit:verify") ? trpc.audit.verify() : Promise.resolve(null),
  ]);
  // after the chain check's snapshot transaction: the embedded database serves every connection from one
  // session, and a statement interleaved into that transaction breaks it
  const checklist = can(me.role, "onboarding:manage") ? await trpc.onboarding.checklist() : null;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const href = (p: number) => listHref("/settings", { q: search, role, page: p });

  return (
    <>
      <PageHeader
        title="Settings"
        description={`Users and roles of ${me.tenantName}.`}
        actions={
          <>
            {checklist?.dismissed ? <DismissChecklistButton dismissed /> : null}
            {manage ? <InviteUserDialog accounts={accounts} /> : null}
          </>
        }
      />
      {checklist && !checklist.dismissed ? <OnboardingChecklist checklist={checklist} /> : null}
      <Card id="users">
        <CardHeader>
          <CardTitle as="h2">Users ({total})</CardTitle>
          <form className="mt-2 flex flex-wrap gap-2" role="search" aria-label="Filter users">
            <label className="sr-only" htmlFor="user-search">
              Search by name or email
            </label>
            <Input
              id="user-search"
              name="q"
              defaultValue={search ?? ""}
              placeholder="Search name or email"
              className="w-64"
            />
            <label className="sr-only" htmlFor="user-role">
              Role
            </label>
            <NativeSelect id="user-role" name="role" defaultValue={role ?? ""} wrapperClassName="w-48">
              <option value="">All roles</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABEL[r]}
                </option>
              ))}
            </NativeSelect>
            <Button type="submit" variant="secondary">
              Filter
            </Button>
          </form>
        </CardHeader>
        <CardContent>
          {rows.length === 0 ? (
            <EmptyState title="No users match" description="Change the search or the role filter." />
          ) : (
            <DataTable
              columns={manage ? USER_COLUMNS_WITH_ACTIONS : USER_COLUMNS}
              rows={rows.map((u) => ({ ...u, isMe: u.id === me.id }))}
              caption={`Users of ${me.tenantName}`}
            />
          )}
          <Pagination page={page} pages={pages} href={href} />
        </CardContent>
      </Card>
      {workspace ? (
        <WorkspaceCard
          settings={workspace}
          zones={["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")]}
        />
      ) : null}
      {auditChain ? <AuditChainCard result={auditChain} /> : null}
    </>
  );
}
