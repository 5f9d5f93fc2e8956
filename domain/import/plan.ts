import type { ImportKind } from "./fields";
import { websiteDomain, type AccountRecord, type ImportRecord, type LeadRecord, type RowError } from "./rows";

/**
 * Which stored record each valid row lands on (docs/import.md#matching): the one with the row's external
 * ID; else — for a row without one, any record, for a row whose ID is new, only records that have no
 * external ID yet — the lead with the same email, or the account with the same website domain, else the
 * same name (case ignored). Two candidates is an error, never a guess. Matched rows update only the
 * fields they fill; a row that changes nothing is "unchanged".
 */
export type StoredLead = {
  id: string;
  externalId: string | null;
  company: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  estimatedValueCents: number | null;
  originalSource: string | null;
  notes: string | null;
};
export type StoredAccount = {
  id: string;
  externalId: string | null;
  name: string;
  website: string | null;
  industry: string | null;
};
export type Stored = StoredLead | StoredAccount;

export type Planned<R extends ImportRecord> =
  | { action: "create"; record: R }
  | { action: "update"; record: R; id: string; changes: Partial<Omit<R, "row">> }
  | { action: "unchanged"; record: R; id: string };

export type ImportPlan<R extends ImportRecord> = { planned: Planned<R>[]; errors: RowError[] };

const NOUN: Record<ImportKind, string> = { leads: "leads", accounts: "accounts" };

function index<T extends Stored>(stored: readonly T[], key: (s: T) => string | null) {
  const map = new Map<string, T[]>();
  for (const s of stored) {
    const k = key(s);
    if (k === null) continue;
    const list = map.get(k);
    if (list) list.push(s);
    else map.set(k, [s]);
  }
  return map;
}

export function planImport(
  kind: "leads",
  records: readonly LeadRecord[],
  stored: readonly StoredLead[],
  columns: { externalId: string; key: string },
): ImportPlan<LeadRecord>;
export function planImport(
  kind: "accounts",
  records: readonly AccountRecord[],
  stored: readonly StoredAccount[],
  columns: { externalId: string; key: string },
): ImportPlan<AccountRecord>;
export function planImport(
  kind: ImportKind,
  records: readonly ImportRecord[],
  stored: readonly Stored[],
  columns: { externalId: string; key: string },
): ImportPlan<ImportRecord> {
  const byExternalId = index(stored, (s) => s.externalId);
  const byEmail = index(stored as StoredLead[], (s) => (kind === "leads" ? s.contactEmail.toLowerCase() : null));
  const byDomain = index(stored as StoredAccount[], (s) =>
    kind === "accounts" && s.website ? websiteDomain(s.website) : null,
  );
  const byName = index(stored as StoredAccount[], (s) => (kind === "accounts" ? s.name.trim().toLowerCase() : null));
  const claimed = new Map<string, number>();
  const planned: Planned<ImportRecord>[] = [];
  const errors: RowError[] = [];

  for (const record of records) {
    let candidates: Stored[] = [];
    let what = "external ID";
    if (record.externalId) candidates = byExternalId.get(record.externalId) ?? [];
    if (candidates.length === 0) {
      const eligible = (s: Stored) => !record.externalId || s.externalId === null;
      if (kind === "leads") {
        what = "email";
        candidates = (byEmail.get((record as LeadRecord).contactEmail.toLowerCase()) ?? []).filter(eligible);
      } else {
        const a = record as AccountRecord;
        const domain = a.website ? websiteDomain(a.website) : null;
        what = "website";
        candidates = domain ? (byDomain.get(domain) ?? []).filter(eligible) : [];
        if (candidates.length === 0) {
          what = "name";
          candidates = (byName.get(a.name.trim().toLowerCase()) ?? []).filter(eligible);
        }
      }
    }
    if (candidates.length > 1) {
      errors.push({
        row: record.row,
        column: what === "external ID" ? columns.externalId : columns.key,
        message: `${candidates.length} ${NOUN[kind]} already have this ${what}; merge them in Onward or map an external ID column.`,
      });
      continue;
    }
    const match = candidates[0];
    if (!match) {
      planned.push({ action: "create", record });
      continue;
    }
    const earlier = claimed.get(match.id);
    if (earlier !== undefined) {
      errors.push({
        row: record.row,
        column: columns.key,
        message: `Row ${earlier} already updates the same ${kind === "leads" ? "lead" : "account"} (same ${what}); keep one of the two rows.`,
      });
      continue;
    }
    claimed.set(match.id, record.row);
    const changes: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(record)) {
      if (field === "row" || value === undefined) continue;
      if ((match as Record<string, unknown>)[field] !== value) changes[field] = value;
    }
    planned.push(
      Object.keys(changes).length === 0
        ? { action: "unchanged", record, id: match.id }
        : { action: "update", record, id: match.id, changes },
    );
  }
  return { planned, errors };
}
