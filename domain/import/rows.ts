import { ZCreateLeadSchema } from "@/lib/schemas/leads";
import type { CsvTable } from "./csv";
import { fieldDef, type ColumnMapping, type ImportField, type ImportKind } from "./fields";
import { parseMoney } from "@/lib/money";

/**
 * Each CSV row → a record ready to store, or the reasons it is not (docs/import.md#columns). Values are
 * trimmed text and stored as text: a cell like `=HYPERLINK(…)` is a company name like any other, never
 * evaluated. An empty cell leaves the stored value as it is when a row updates a record.
 */
export type RowError = { row: number; column: string; message: string };

export type LeadRecord = {
  row: number;
  externalId?: string;
  company: string;
  contactName: string;
  contactEmail: string;
  contactPhone?: string;
  estimatedValueCents?: number;
  originalSource?: string;
  notes?: string;
};

export type AccountRecord = {
  row: number;
  externalId?: string;
  name: string;
  website?: string;
  industry?: string;
};

export type ImportRecord = LeadRecord | AccountRecord;
export type Validated<R> = { records: R[]; errors: RowError[] };

const MAX_EXTERNAL_ID = 100;

function reader(
  kind: ImportKind,
  table: CsvTable,
  mapping: ColumnMapping,
  cells: string[],
  row: number,
  errors: RowError[],
) {
  const column = (field: ImportField) => {
    const index = mapping[field];
    return index === undefined ? fieldDef(kind, field).label : (table.headers[index] ?? fieldDef(kind, field).label);
  };
  return {
    column,
    get: (field: ImportField): string | undefined => {
      const index = mapping[field];
      if (index === undefined) return undefined;
      const value = (cells[index] ?? "").trim();
      return value === "" ? undefined : value;
    },
    fail: (field: ImportField, message: string) => errors.push({ row, column: column(field), message }),
  };
}

/** text of at most `max` characters, or an error on the row */
function text(r: ReturnType<typeof reader>, field: ImportField, max: number): string | undefined {
  const value = r.get(field);
  if (value !== undefined && value.length > max)
    r.fail(
      field,
      `At most ${max.toLocaleString("en-US")} characters (this one has ${value.length.toLocaleString("en-US")}).`,
    );
  return value;
}

function firstIssue(result: { success: boolean; error?: { issues: { message: string }[] } }): string | null {
  return result.success ? null : (result.error?.issues[0]?.message ?? "Not valid");
}

export function validateLeadRows(table: CsvTable, mapping: ColumnMapping, currency: string): Validated<LeadRecord> {
  const records: LeadRecord[] = [];
  const errors: RowError[] = [];
  const shape = ZCreateLeadSchema.shape;
  for (const { row, cells } of table.rows) {
    const before = errors.length;
    const r = reader("leads", table, mapping, cells, row, errors);
    const externalId = text(r, "externalId", MAX_EXTERNAL_ID);
    const company = r.get("company");
    if (company === undefined) r.fail("company", "The company is empty.");
    else {
      const issue = firstIssue(shape.company.safeParse(company));
      if (issue) r.fail("company", issue);
    }
    const nameField: ImportField =
      r.get("contactName") !== undefined || mapping.firstName === undefined ? "contactName" : "firstName";
    const contactName =
      r.get("contactName") ?? ([r.get("firstName"), r.get("lastName")].filter(Boolean).join(" ") || undefined);
    if (contactName === undefined) r.fail(nameField, "The contact name is empty.");
    else {
      const issue = firstIssue(shape.contactName.safeParse(contactName));
      if (issue) r.fail(nameField, issue);
    }
    const emailText = r.get("email");
    const email = emailText === undefined ? null : shape.contactEmail.safeParse(emailText);
    if (email === null) r.fail("email", "The email address is empty.");
    else if (!email.success) r.fail("email", `“${emailText?.slice(0, 60)}” is not a valid email address.`);
    const phone = r.get("phone");
    if (phone !== undefined) {
      const issue = firstIssue(shape.contactPhone.safeParse(phone));
      if (issue) r.fail("phone", issue);
    }
    const valueText = r.get("estimatedValue");
    let estimatedValueCents: number | undefined;
    if (valueText !== undefined) {
      const money = parseMoney(valueText, currency);
      if (money.ok) estimatedValueCents = money.cents;
      else r.fail("estimatedValue", money.reason);
    }
    const originalSource = text(r, "source", 100);
    const notes = text(r, "notes", 5_000);
    if (errors.length > before) continue;
    records.push({
      row,
      company: company as string,
      contactName: contactName as string,
      contactEmail: email?.success ? email.data : "",
      ...(externalId !== undefined ? { externalId } : {}),
      ...(phone !== undefined ? { contactPhone: phone } : {}),
      ...(estimatedValueCents !== undefined ? { estimatedValueCents } : {}),
      ...(originalSource !== undefined ? { originalSource } : {}),
      ...(notes !== undefined ? { notes } : {}),
    });
  }
  return dropInFileDuplicates("leads", records, errors, table, mapping);
}

/** "acme.com", "www.acme.com/about", "http://Acme.com" → https://acme.com-style URL, or null when it is not a web address */
export function normalizeWebsite(value: string): string | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    if (!/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(url.hostname) || url.username || url.password) return null;
    const path = url.pathname === "/" ? "" : url.pathname;
    return `${url.protocol}//${url.hostname.toLowerCase()}${path}`;
  } catch {
    return null;
  }
}

/** The domain accounts are matched on: host without "www.", lower case. */
export function websiteDomain(website: string): string | null {
  try {
    return (
      new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(website) ? website : `https://${website}`).hostname
        .toLowerCase()
        .replace(/^www\./, "") || null
    );
  } catch {
    return null;
  }
}

export function validateAccountRows(table: CsvTable, mapping: ColumnMapping): Validated<AccountRecord> {
  const records: AccountRecord[] = [];
  const errors: RowError[] = [];
  for (const { row, cells } of table.rows) {
    const before = errors.length;
    const r = reader("accounts", table, mapping, cells, row, errors);
    const externalId = text(r, "externalId", MAX_EXTERNAL_ID);
    const name = r.get("name");
    if (name === undefined) r.fail("name", "The account name is empty.");
    else if (name.length > 160) r.fail("name", "At most 160 characters.");
    const websiteText = r.get("website");
    const website = websiteText === undefined ? undefined : normalizeWebsite(websiteText);
    if (website === null)
      r.fail("website", `“${websiteText?.slice(0, 60)}” is not a web address (like acme.com or https://acme.com).`);
    else if (website !== undefined && website.length > 200) r.fail("website", "At most 200 characters.");
    const industry = text(r, "industry", 80);
    if (errors.length > before) continue;
    records.push({
      row,
      name: name as string,
      ...(externalId !== undefined ? { externalId } : {}),
      ...(website ? { website } : {}),
      ...(industry !== undefined ? { industry } : {}),
    });
  }
  return dropInFileDuplicates("accounts", records, errors, table, mapping);
}

/** What identifies a row within the file and against stored records (docs/import.md#matching). */
export function matchKeys(kind: ImportKind, record: ImportRecord): { key: string; what: string }[] {
  const keys: { key: string; what: string }[] = [];
  if (record.externalId) keys.push({ key: `id:${record.externalId}`, what: "external ID" });
  if (kind === "leads") keys.push({ key: `email:${(record as LeadRecord).contactEmail}`, what: "email" });
  else {
    const a = record as AccountRecord;
    const domain = a.website ? websiteDomain(a.website) : null;
    if (domain) keys.push({ key: `domain:${domain}`, what: "website" });
    else keys.push({ key: `name:${a.name.toLowerCase()}`, what: "account name" });
  }
  return keys;
}

/** Two rows that would land on the same record: the later one is an error naming the earlier one. */
function dropInFileDuplicates<R extends ImportRecord>(
  kind: ImportKind,
  records: R[],
  errors: RowError[],
  table: CsvTable,
  mapping: ColumnMapping,
): Validated<R> {
  const seen = new Map<string, number>();
  const kept: R[] = [];
  for (const record of records) {
    // a row with an external id is told apart by it alone; without, by email / website / name
    const keys = record.externalId ? matchKeys(kind, record).slice(0, 1) : matchKeys(kind, record);
    const clash = keys.find((k) => seen.has(k.key));
    if (clash) {
      const field: ImportField =
        clash.what === "external ID"
          ? "externalId"
          : clash.what === "email"
            ? "email"
            : clash.what === "website"
              ? "website"
              : "name";
      const index = mapping[field];
      errors.push({
        row: record.row,
        column: index === undefined ? fieldDef(kind, field).label : (table.headers[index] ?? field),
        message: `Same ${clash.what} as row ${seen.get(clash.key)}; keep one of the two rows.`,
      });
      continue;
    }
    for (const k of keys) seen.set(k.key, record.row);
    kept.push(record);
  }
  errors.sort((x, y) => x.row - y.row);
  return { records: kept, errors };
}
