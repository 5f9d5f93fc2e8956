import "server-only";
import type { AccountRecord, LeadRecord } from "@/domain/import/rows";
import type { StoredAccount, StoredLead } from "@/domain/import/plan";
import type { DbOrTx, Prisma } from "./client";

/** Data functions of the CSV import (docs/import.md); every query is scoped to the tenant. */

export async function tenantCurrency(prisma: DbOrTx, tenantId: string): Promise<string> {
  const tenant = await prisma.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { currency: true } });
  return tenant.currency;
}

/** One import per tenant at a time (held to the end of the transaction), so two uploads of one file cannot both create. */
export async function lockTenantImports(tx: Prisma.TransactionClient, tenantId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('onward-import'), hashtext(${tenantId}))`;
}

const storedLeadSelect = {
  id: true,
  externalId: true,
  company: true,
  contactName: true,
  contactEmail: true,
  contactPhone: true,
  estimatedValueCents: true,
  originalSource: true,
  notes: true,
} satisfies Prisma.LeadSelect;

const CHUNK = 1_000;
function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** The tenant's leads a file's rows could land on: by external id or by email (any case). */
export async function storedLeadsMatching(
  prisma: DbOrTx,
  tenantId: string,
  externalIds: readonly string[],
  emails: readonly string[],
): Promise<StoredLead[]> {
  const found = new Map<string, StoredLead>();
  for (const ids of chunks([...new Set(externalIds)])) {
    for (const lead of await prisma.lead.findMany({
      where: { tenantId, externalId: { in: ids } },
      select: storedLeadSelect,
    }))
      found.set(lead.id, lead);
  }
  for (const batch of chunks([...new Set(emails)])) {
    for (const lead of await prisma.lead.findMany({
      where: { tenantId, contactEmail: { in: batch, mode: "insensitive" } },
      select: storedLeadSelect,
    }))
      found.set(lead.id, lead);
  }
  return [...found.values()];
}

/** Every account of the tenant, with what accounts are matched on (external id, website, name). */
export function storedAccounts(prisma: DbOrTx, tenantId: string): Promise<StoredAccount[]> {
  return prisma.customerAccount.findMany({
    where: { tenantId },
    select: { id: true, externalId: true, name: true, website: true, industry: true },
  });
}

export async function insertLeads(
  tx: Prisma.TransactionClient,
  tenantId: string,
  ownerId: string,
  records: readonly LeadRecord[],
  at: Date,
): Promise<number> {
  let count = 0;
  for (const batch of chunks(records)) {
    const result = await tx.lead.createMany({
      data: batch.map(({ row: _row, ...r }) => ({
        tenantId,
        ownerId,
        source: "CSM" as const,
        stage: "NEW" as const,
        ...r,
        createdAt: at,
        updatedAt: at,
      })),
    });
    count += result.count;
  }
  return count;
}

export async function updateLeadFromImport(
  tx: Prisma.TransactionClient,
  tenantId: string,
  leadId: string,
  changes: Partial<Omit<LeadRecord, "row">>,
  at: Date,
): Promise<number> {
  const result = await tx.lead.updateMany({ where: { id: leadId, tenantId }, data: { ...changes, updatedAt: at } });
  return result.count;
}

export async function insertAccounts(
  tx: Prisma.TransactionClient,
  tenantId: string,
  records: readonly AccountRecord[],
  at: Date,
): Promise<number> {
  let count = 0;
  for (const batch of chunks(records)) {
    const result = await tx.customerAccount.createMany({
      data: batch.map(({ row: _row, ...r }) => ({ tenantId, ...r, createdAt: at })),
    });
    count += result.count;
  }
  return count;
}

export async function updateAccountFromImport(
  tx: Prisma.TransactionClient,
  tenantId: string,
  accountId: string,
  changes: Partial<Omit<AccountRecord, "row">>,
): Promise<number> {
  const result = await tx.customerAccount.updateMany({ where: { id: accountId, tenantId }, data: changes });
  return result.count;
}
