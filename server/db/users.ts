import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Role, StakeholderRole } from "@/generated/prisma/enums";
import type { Db, DbOrTx } from "./client";
import { containsText } from "./search";

export const userListSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  stakeholderRole: true,
  isApprover: true,
  disabledAt: true,
  lastLoginAt: true,
  totpEnabledAt: true,
  createdAt: true,
  customerAccount: { select: { id: true, name: true } },
} satisfies Prisma.UserSelect;

export type UserListRow = Prisma.UserGetPayload<{ select: typeof userListSelect }>;

export async function listUsers(
  prisma: Db,
  tenantId: string,
  opts: { search?: string; role?: Role; page: number; pageSize: number },
): Promise<{ rows: UserListRow[]; total: number }> {
  const search = opts.search ? containsText(opts.search) : null;
  const where: Prisma.UserWhereInput = {
    tenantId,
    ...(opts.role ? { role: opts.role } : {}),
    ...(search
      ? {
          OR: [{ email: search }, { name: search }],
        }
      : {}),
  };
  const [rows, total] = await prisma.$transaction([
    prisma.user.findMany({
      where,
      select: userListSelect,
      orderBy: [{ role: "asc" }, { name: "asc" }],
      skip: (opts.page - 1) * opts.pageSize,
      take: opts.pageSize,
    }),
    prisma.user.count({ where }),
  ]);
  return { rows, total };
}

/** Login lookup: email is globally unique, the tenant comes from the user row. */
export function findUserForLogin(prisma: Db, email: string) {
  return prisma.user.findUnique({
    where: { email },
    select: { id: true, tenantId: true, role: true, passwordHash: true, disabledAt: true },
  });
}

export function emailTaken(prisma: DbOrTx, email: string) {
  return prisma.user.findUnique({ where: { email }, select: { id: true, tenantId: true } });
}

export function createUser(
  prisma: DbOrTx,
  tenantId: string,
  data: {
    email: string;
    name: string;
    role: Role;
    customerAccountId?: string | null;
    stakeholderRole?: StakeholderRole | null;
    isApprover?: boolean;
    invitedById?: string;
    /** set for a workspace's founder, who chose a password and verified the address while signing up */
    passwordHash?: string | null;
    emailVerified?: Date | null;
  },
) {
  return prisma.user.create({
    data: { tenantId, ...data, channelPrefs: { email: true, inApp: true, digest: "daily" } },
    select: userListSelect,
  });
}

export function findCustomerAccount(prisma: Db, tenantId: string, id: string) {
  return prisma.customerAccount.findFirst({ where: { id, tenantId }, select: { id: true, name: true } });
}

export function listCustomerAccountOptions(prisma: Db, tenantId: string) {
  return prisma.customerAccount.findMany({
    where: { tenantId },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

export function setPassword(prisma: DbOrTx, tenantId: string, userId: string, passwordHash: string) {
  return prisma.user.updateMany({ where: { id: userId, tenantId }, data: { passwordHash } });
}

export function findUserForMagicLink(prisma: Db, email: string) {
  return prisma.user.findUnique({
    where: { email },
    select: { id: true, name: true, tenantId: true, role: true, disabledAt: true, tenant: { select: { name: true } } },
  });
}

export function findTenantUser(prisma: DbOrTx, tenantId: string, id: string) {
  return prisma.user.findFirst({ where: { id, tenantId }, select: { id: true, disabledAt: true } });
}

export function setUserDisabledAt(prisma: DbOrTx, tenantId: string, id: string, disabledAt: Date | null) {
  return prisma.user.update({ where: { id, tenantId }, data: { disabledAt }, select: { id: true, disabledAt: true } });
}

export function findUserByEmail(prisma: DbOrTx, email: string) {
  return prisma.user.findUnique({ where: { email }, select: { id: true, tenantId: true, name: true } });
}

/** Who a message goes to: the fields the fan-out reads (docs/architecture.md#messaging). */
export const personSelect = {
  id: true,
  tenantId: true,
  email: true,
  name: true,
  role: true,
  stakeholderRole: true,
  customerAccountId: true,
  isApprover: true,
  channelPrefs: true,
} satisfies Prisma.UserSelect;

export type PersonRow = Prisma.UserGetPayload<{ select: typeof personSelect }>;

/** Active (not disabled) people among `ids`. */
export function activePeople(prisma: DbOrTx, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([] as PersonRow[]);
  return prisma.user.findMany({
    where: { tenantId, id: { in: [...ids] }, disabledAt: null },
    orderBy: { id: "asc" },
    select: personSelect,
  });
}

export function activePeopleByRole(prisma: DbOrTx, tenantId: string, roles: readonly Role[]) {
  return prisma.user.findMany({
    where: { tenantId, role: { in: [...roles] }, disabledAt: null },
    orderBy: { id: "asc" },
    select: personSelect,
  });
}

/** An account's active customer stakeholders, oldest first (the first is the primary contact). */
export function accountPeople(
  prisma: DbOrTx,
  tenantId: string,
  customerAccountId: string,
  opts: { approversOnly?: boolean } = {},
) {
  return prisma.user.findMany({
    where: {
      tenantId,
      customerAccountId,
      role: "CUSTOMER",
      disabledAt: null,
      ...(opts.approversOnly ? { isApprover: true } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: personSelect,
  });
}

/** The workspace's name, for mail that names who sent it. */
export function findTenantName(prisma: DbOrTx, tenantId: string) {
  return prisma.tenant.findUnique({ where: { id: tenantId }, select: { name: true } });
}
