/**
 * What an import can fill, and the header names that fill it on their own (docs/import.md#columns):
 * Onward's own words plus the default export headers of HubSpot and Salesforce. Headers are compared
 * without case, accents, spaces or punctuation, so "First Name", "FirstName" and "first_name" are one.
 */
export const IMPORT_KINDS = ["leads", "accounts"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const LEAD_FIELDS = [
  "externalId",
  "company",
  "contactName",
  "firstName",
  "lastName",
  "email",
  "phone",
  "estimatedValue",
  "source",
  "notes",
] as const;
export const ACCOUNT_FIELDS = ["externalId", "name", "website", "industry"] as const;
export type LeadField = (typeof LEAD_FIELDS)[number];
export type AccountField = (typeof ACCOUNT_FIELDS)[number];
export type ImportField = LeadField | AccountField;

export type FieldDef = { label: string; required?: boolean; hint?: string; aliases: readonly string[] };

export const FIELDS: { leads: Record<LeadField, FieldDef>; accounts: Record<AccountField, FieldDef> } = {
  leads: {
    externalId: {
      label: "External ID",
      hint: "The record's id in your CRM; re-importing the file updates the same leads",
      aliases: [
        "External ID",
        "Record ID",
        "Lead ID",
        "Contact ID",
        "Id",
        "Record ID - Contact",
        "HubSpot ID",
        "Salesforce ID",
      ],
    },
    company: {
      label: "Company",
      required: true,
      aliases: [
        "Company",
        "Company name",
        "Company / Account",
        "Account Name",
        "Associated Company",
        "Organization",
        "Organisation",
        "Organization Name",
      ],
    },
    contactName: {
      label: "Contact name",
      hint: "Or map first and last name",
      aliases: ["Contact name", "Full name", "Name", "Contact"],
    },
    firstName: { label: "First name", aliases: ["First Name", "Given name", "Forename"] },
    lastName: { label: "Last name", aliases: ["Last Name", "Surname", "Family name"] },
    email: {
      label: "Email",
      required: true,
      aliases: ["Email", "Email address", "E-mail", "E-mail address", "Contact email", "Work email"],
    },
    phone: {
      label: "Phone",
      aliases: ["Phone Number", "Phone", "Mobile Phone Number", "Mobile Phone", "Mobile", "Telephone"],
    },
    estimatedValue: {
      label: "Estimated value",
      hint: "In your workspace's currency",
      aliases: ["Estimated value", "Amount", "Deal amount", "Deal value", "Annual Revenue", "Value"],
    },
    source: { label: "Source", aliases: ["Original Source", "Lead Source", "Source", "Original Source Type"] },
    notes: { label: "Notes", aliases: ["Notes", "Description", "Comments"] },
  },
  accounts: {
    externalId: {
      label: "External ID",
      hint: "The record's id in your CRM; re-importing the file updates the same accounts",
      aliases: ["External ID", "Record ID", "Account ID", "Company ID", "Id", "HubSpot ID", "Salesforce ID"],
    },
    name: {
      label: "Account name",
      required: true,
      aliases: ["Account Name", "Company name", "Company", "Name", "Organization", "Organisation"],
    },
    website: {
      label: "Website",
      aliases: ["Website", "Website URL", "Company Domain Name", "Domain", "Web site", "URL"],
    },
    industry: { label: "Industry", aliases: ["Industry", "Sector"] },
  },
};

export function fieldsOf(kind: ImportKind): readonly ImportField[] {
  return kind === "leads" ? LEAD_FIELDS : ACCOUNT_FIELDS;
}

export function fieldDef(kind: ImportKind, field: ImportField): FieldDef {
  return (FIELDS[kind] as Record<string, FieldDef>)[field] as FieldDef;
}

/** field → index of the CSV column that fills it (absent: not imported) */
export type ColumnMapping = Partial<Record<ImportField, number>>;

export function normalizeHeader(header: string): string {
  return header
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/**
 * The mapping the headers suggest: for each field in order, its aliases in order (so "Amount" wins over
 * "Annual Revenue" when a file has both), the first column of that name not taken by an earlier field.
 */
export function autoMap(kind: ImportKind, headers: readonly string[]): ColumnMapping {
  const normalized = headers.map(normalizeHeader);
  const taken = new Set<number>();
  const mapping: ColumnMapping = {};
  for (const field of fieldsOf(kind)) {
    for (const alias of fieldDef(kind, field).aliases) {
      const index = normalized.findIndex((h, i) => h === normalizeHeader(alias) && !taken.has(i));
      if (index >= 0) {
        mapping[field] = index;
        taken.add(index);
        break;
      }
    }
  }
  return mapping;
}

/** Required fields the mapping leaves out, as sentences a person can act on. */
export function missingColumns(kind: ImportKind, mapping: ColumnMapping): string[] {
  const missing: string[] = [];
  for (const field of fieldsOf(kind)) {
    const def = fieldDef(kind, field);
    if (def.required && mapping[field] === undefined)
      missing.push(`Choose the column that holds ${def.label.toLowerCase()}.`);
  }
  if (
    kind === "leads" &&
    mapping.contactName === undefined &&
    mapping.firstName === undefined &&
    mapping.lastName === undefined
  ) {
    missing.push("Choose the column that holds the contact name (or the first and last name columns).");
  }
  return missing;
}
