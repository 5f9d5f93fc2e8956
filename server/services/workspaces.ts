import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db/client";
import { recordAudit } from "@/server/db/audit";
import { pendingSignupWithSlug } from "@/server/db/signups";
import { emailTaken } from "@/server/db/users";
import { insertWorkspace, listWorkspaces, tenantSlugExists } from "@/server/db/workspaces";
import { TENANT_CONFIG_DEFAULTS } from "@/domain/tenant-defaults";
import { AppError } from "@/server/errors";
import {
  ZCreateWorkspaceSchema,
  slugProblem,
  type CreateWorkspaceInput,
  type SlugAvailability,
} from "@/lib/schemas/signup";
import { describeZodError } from "@/server/errors";
import { INVITE_TTL_DAYS, issueInviteToken } from "./users";

/**
 * Workspace provisioning (docs/signup.md#provisioning): the one place a workspace is created, used by
 * the verified self-serve sign-up and by the operator's `npm run tenant:create`. A workspace is the
 * Tenant, TenantConfig version 1 of every kind from the engines' defaults, and its first ADMIN — one
 * transaction with a "workspace.created" audit entry in the new tenant's chain, and no demo data.
 */
export type ProvisionMeta = { now: Date; ip?: string | null; requestId?: string | null; via: "signup" | "cli" };

/** available / taken / reserved / invalid — and nothing else about other workspaces. */
export async function slugAvailability(db: Db, slug: string, now: Date): Promise<SlugAvailability> {
  const problem = slugProblem(slug);
  if (problem) return problem.kind;
  // a pending sign-up holds its slug until it expires (docs/signup.md#expiry)
  const [tenant, pending] = await Promise.all([tenantSlugExists(db, slug), pendingSignupWithSlug(db, slug, now)]);
  return tenant || pending ? "taken" : "available";
}

export const slugTakenError = () =>
  new AppError("CONFLICT", "This workspace address is already taken. Choose another one.", {
    fieldErrors: { slug: "This address is already taken" },
  });
export const emailInUseError = () =>
  new AppError("CONFLICT", "Someone with this email already has an Onward account.", {
    fieldErrors: { email: "This email is already in use" },
  });

/**
 * Creates the workspace inside the caller's transaction (so a sign-up's token and code are consumed with
 * it). Unique slug and email are enforced by the database; see createWorkspace for the error mapping.
 */
export async function provisionWorkspace(
  tx: Prisma.TransactionClient,
  input: {
    name: string;
    slug: string;
    admin: { email: string; name: string; passwordHash: string | null; emailVerified: Date | null };
  },
  meta: ProvisionMeta,
) {
  const created = await insertWorkspace(tx, {
    slug: input.slug,
    name: input.name,
    configs: TENANT_CONFIG_DEFAULTS,
    admin: input.admin,
    at: meta.now,
  });
  await recordAudit(tx, {
    tenantId: created.tenant.id,
    actorId: meta.via === "signup" ? created.admin.id : null,
    action: "workspace.created",
    entityType: "Tenant",
    entityId: created.tenant.id,
    after: { slug: created.tenant.slug, name: created.tenant.name, adminEmail: created.admin.email, via: meta.via },
    ip: meta.ip ?? null,
    requestId: meta.requestId ?? null,
    at: meta.now,
  });
  return created;
}

/**
 * Runs `work` (which calls provisionWorkspace) in one transaction. A slug or email that another request
 * took in between fails the unique index; it is reported as the same clear 409 as the checks before.
 */
export async function inWorkspaceTransaction<T>(
  db: Db,
  keys: { slug: string; email: string },
  work: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  try {
    return await db.$transaction(work);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      if (await tenantSlugExists(db, keys.slug)) throw slugTakenError();
      if (await emailTaken(db, keys.email)) throw emailInUseError();
    }
    throw error;
  }
}

/**
 * The operator CLI's `tenant:create`: a workspace whose admin gets a one-time set-password link (the
 * staff invitation's, `/invite/<token>`, valid INVITE_TTL_DAYS). The link is returned, not mailed: the
 * operator hands it over.
 */
export async function createWorkspaceForOperator(db: Db, raw: unknown, appUrl: string, now: Date) {
  const parsed = ZCreateWorkspaceSchema.safeParse(raw);
  if (!parsed.success) {
    const { message, fieldErrors } = describeZodError(parsed.error);
    throw new AppError("BAD_REQUEST", message, { fieldErrors });
  }
  const input: CreateWorkspaceInput = parsed.data;
  if ((await slugAvailability(db, input.slug, now)) === "taken") throw slugTakenError();
  if (await emailTaken(db, input.adminEmail)) throw emailInUseError();
  const { created, token } = await inWorkspaceTransaction(
    db,
    { slug: input.slug, email: input.adminEmail },
    async (tx) => {
      const created = await provisionWorkspace(
        tx,
        {
          name: input.name,
          slug: input.slug,
          admin: { email: input.adminEmail, name: input.adminName, passwordHash: null, emailVerified: null },
        },
        { now, via: "cli" },
      );
      return { created, token: await issueInviteToken(tx, input.adminEmail, now) };
    },
  );
  return {
    tenant: created.tenant,
    adminEmail: created.admin.email,
    link: `${appUrl}/invite/${token}`,
    linkValidDays: INVITE_TTL_DAYS,
  };
}

/** The operator CLI's `tenant:list`. */
export async function workspaceList(db: Db) {
  const rows = await listWorkspaces(db);
  return rows.map((r) => ({ slug: r.slug, name: r.name, users: r._count.users, createdAt: r.createdAt }));
}
