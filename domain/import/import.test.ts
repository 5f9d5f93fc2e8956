import { describe, expect, it } from "vitest";
import { decodeCsv, parseCsv, readCsv, type CsvTable } from "./csv";
import { autoMap, missingColumns, normalizeHeader } from "./fields";
import { MAX_MONEY_CENTS, parseMoney } from "@/lib/money";
import { planImport, type StoredLead } from "./plan";
import { normalizeWebsite, validateAccountRows, validateLeadRows } from "./rows";

const utf8 = (s: string) => new TextEncoder().encode(s);
const table = (text: string): CsvTable => {
  const parsed = parseCsv(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.table;
};

describe("reading the file", () => {
  it("drops a UTF-8 byte-order mark and keeps accents", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Company name,First Name\nCafé Renée,Renée\n")]);
    const read = readCsv(bytes);
    expect(read.ok && read.table.headers).toEqual(["Company name", "First Name"]);
    expect(read.ok && read.table.rows[0]).toEqual({ row: 2, cells: ["Café Renée", "Renée"] });
  });

  it("detects semicolons, keeps semicolons and newlines inside quoted fields", () => {
    const t = table(
      'Company;Email;Notes\n"Acme; Inc.";a@acme.test;"line one\nline two; still"\nGlobex;g@globex.test;x\n',
    );
    expect(t.delimiter).toBe(";");
    expect(t.rows.map((r) => r.cells)).toEqual([
      ["Acme; Inc.", "a@acme.test", "line one\nline two; still"],
      ["Globex", "g@globex.test", "x"],
    ]);
    // row numbers are records, as a spreadsheet counts them
    expect(t.rows.map((r) => r.row)).toEqual([2, 3]);
  });

  it("detects commas with quoted commas and doubled quotes", () => {
    const t = table('Company,Email\r\n"Acme, ""the best""",a@acme.test\r\n');
    expect(t.delimiter).toBe(",");
    expect(t.rows[0]?.cells).toEqual(['Acme, "the best"', "a@acme.test"]);
  });

  it("skips blank rows but keeps counting them", () => {
    const t = table("Company,Email\n\nAcme,a@acme.test\n,\n");
    expect(t.rows).toEqual([{ row: 3, cells: ["Acme", "a@acme.test"] }]);
  });

  it("refuses invalid UTF-8 with the line and what to do", () => {
    const latin1 = new Uint8Array([...utf8("Company,Email\nAcme,a@acme.test\nCaf"), 0xe9, ...utf8(",c@cafe.test\n")]);
    const read = decodeCsv(latin1);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toMatch(/not UTF-8.*line 3.*CSV UTF-8/);
  });

  it("refuses UTF-16, workbooks, binary and empty files", () => {
    expect(decodeCsv(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/UTF-16/) as string,
    });
    expect(decodeCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/xlsx/) as string,
    });
    expect(decodeCsv(utf8("a,b\n\u0000\n"))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/binary/) as string,
    });
    expect(decodeCsv(new Uint8Array())).toEqual({ ok: false, message: "The file is empty." });
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0x0a]))).toEqual({ ok: false, message: "The file is empty." });
    expect(parseCsv("Company,Email\n")).toEqual({ ok: false, message: "The file has a header row but no data rows." });
  });

  it("refuses more rows than the limit, and a file over the size limit", () => {
    const rows = (n: number) => "Company\n" + Array.from({ length: n }, (_, i) => `C${i}`).join("\n");
    expect(parseCsv(rows(10), 10).ok).toBe(true);
    expect(parseCsv(rows(11), 10)).toEqual({
      ok: false,
      message: expect.stringMatching(/more than 10 rows/) as string,
    });
    expect(readCsv(utf8(rows(10_001)))).toEqual({
      ok: false,
      message: expect.stringMatching(/more than 10,000 rows/) as string,
    });
    expect(readCsv(new Uint8Array(6 * 1024 * 1024))).toEqual({
      ok: false,
      message: expect.stringMatching(/larger than 5 MB/) as string,
    });
  });

  it("refuses an unclosed quote", () => {
    expect(parseCsv('Company,Email\n"Acme,a@acme.test\n')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not closed/) as string,
    });
  });
});

describe("matching headers", () => {
  it("normalises case, accents, spaces and punctuation", () => {
    expect(normalizeHeader(" First_Name ")).toBe("firstname");
    expect(normalizeHeader("Société")).toBe("societe");
  });

  it("maps HubSpot's default contact export", () => {
    const headers = [
      "Record ID",
      "First Name",
      "Last Name",
      "Email",
      "Phone Number",
      "Company name",
      "Annual Revenue",
      "Original Source",
      "Create Date",
    ];
    expect(autoMap("leads", headers)).toEqual({
      externalId: 0,
      firstName: 1,
      lastName: 2,
      email: 3,
      phone: 4,
      company: 5,
      estimatedValue: 6,
      source: 7,
    });
    expect(missingColumns("leads", autoMap("leads", headers))).toEqual([]);
  });

  it("maps Salesforce's lead and account exports (API and report names)", () => {
    expect(
      autoMap("leads", ["Id", "FirstName", "LastName", "Company", "Email", "Phone", "LeadSource", "AnnualRevenue"]),
    ).toEqual({
      externalId: 0,
      firstName: 1,
      lastName: 2,
      company: 3,
      email: 4,
      phone: 5,
      source: 6,
      estimatedValue: 7,
    });
    expect(autoMap("accounts", ["Account ID", "Account Name", "Website", "Industry"])).toEqual({
      externalId: 0,
      name: 1,
      website: 2,
      industry: 3,
    });
    expect(autoMap("accounts", ["Record ID", "Company name", "Company Domain Name", "Industry"])).toEqual({
      externalId: 0,
      name: 1,
      website: 2,
      industry: 3,
    });
  });

  it("prefers Amount over Annual Revenue and never maps one column twice", () => {
    expect(autoMap("leads", ["Annual Revenue", "Amount"]).estimatedValue).toBe(1);
    expect(autoMap("leads", ["Company", "Company"])).toEqual({ company: 0 });
  });

  it("names the required columns a mapping leaves out", () => {
    expect(missingColumns("leads", { company: 0 })).toEqual([
      "Choose the column that holds email.",
      "Choose the column that holds the contact name (or the first and last name columns).",
    ]);
    expect(missingColumns("accounts", {})).toEqual(["Choose the column that holds account name."]);
  });
});

describe("money", () => {
  const cents = (s: string, currency = "USD") => {
    const r = parseMoney(s, currency);
    return r.ok ? r.cents : r.reason;
  };
  it("reads the usual ways of writing an amount", () => {
    expect(cents("1234.5")).toBe(123_450);
    expect(cents("$1,234.56")).toBe(123_456);
    expect(cents("1.234,56 €", "EUR")).toBe(123_456);
    expect(cents("1 234,56", "EUR")).toBe(123_456);
    expect(cents("1\u00a0234,56", "EUR")).toBe(123_456);
    expect(cents("1'234.56", "CHF")).toBe(123_456);
    expect(cents("EUR 99", "EUR")).toBe(9_900);
    expect(cents("1,234,567.89")).toBe(123_456_789);
    expect(cents("1.234.567,89", "EUR")).toBe(123_456_789);
    expect(cents("0.5")).toBe(50);
    expect(cents("250000")).toBe(25_000_000);
    expect(cents("¥1,234", "JPY")).toBe(1_234);
  });
  it("reads a single separator before exactly three digits as thousands", () => {
    expect(cents("1,234")).toBe(123_400);
    expect(cents("1.234")).toBe(123_400);
    expect(cents("1,23")).toBe(123);
  });
  it("refuses what it cannot read unambiguously, saying why", () => {
    expect(cents("0.125")).toMatch(/grouped oddly/);
    expect(cents("12,34,567")).toMatch(/grouped oddly/);
    expect(cents("1234,567")).toMatch(/grouped oddly/);
    expect(cents("1.2.3,4.5")).toMatch(/not an amount/);
    expect(cents("12.345")).toBe(1_234_500);
    expect(cents("1.999")).toBe(199_900);
    expect(cents("1.2345")).toMatch(/more than 2 decimals/);
    expect(cents("about 5k")).toMatch(/not an amount/);
    expect(cents("=1+2")).toMatch(/not an amount/);
    expect(cents("-1200")).toMatch(/negative/);
    expect(cents("(1,200.00)")).toMatch(/negative/);
    expect(cents("1.234,56 €")).toMatch(/in EUR.*counts in USD/);
    expect(cents("£12")).toMatch(/in GBP/);
    expect(cents("1.5", "JPY")).toMatch(/no decimals/);
  });
  it("refuses amounts the database cannot hold, and takes the largest it can", () => {
    expect(cents("21,474,836.47")).toBe(MAX_MONEY_CENTS);
    expect(cents("21474836.48")).toMatch(/above \$21,474,836\.47/);
    expect(cents("99999999999999999999")).toMatch(/above/);
  });
});

describe("rows", () => {
  const hubspot = (rows: string) =>
    table(`Record ID,First Name,Last Name,Email,Phone Number,Company name,Annual Revenue,Original Source\n${rows}`);

  it("builds leads from HubSpot rows and stores formulas as plain text", () => {
    const t = hubspot(
      '101,Renée,Dubois,RENEE@Cafe.test,+33 1 23 45 67 89,"=cmd|\' /C calc\'!A0","1.234,56",@SUM(A1)\n',
    );
    const { records, errors } = validateLeadRows(t, autoMap("leads", t.headers), "EUR");
    expect(errors).toEqual([]);
    expect(records).toEqual([
      {
        row: 2,
        externalId: "101",
        company: "=cmd|' /C calc'!A0",
        contactName: "Renée Dubois",
        contactEmail: "renee@cafe.test",
        contactPhone: "+33 1 23 45 67 89",
        estimatedValueCents: 123_456,
        originalSource: "@SUM(A1)",
      },
    ]);
  });

  it("names the row and the column of every problem", () => {
    const t = hubspot("1,Ann,Lee,not-an-email,,Acme,12x,\n2,,,b@b.test,,,99999999999,\n3,Cy,Ng,c@c.test,,Co,-5,\n");
    const { records, errors } = validateLeadRows(t, autoMap("leads", t.headers), "USD");
    expect(records).toEqual([]);
    expect(errors).toEqual([
      { row: 2, column: "Email", message: "“not-an-email” is not a valid email address." },
      { row: 2, column: "Annual Revenue", message: expect.stringMatching(/not an amount/) as string },
      { row: 3, column: "Company name", message: "The company is empty." },
      { row: 3, column: "First Name", message: "The contact name is empty." },
      { row: 3, column: "Annual Revenue", message: expect.stringMatching(/above \$21,474,836\.47/) as string },
      { row: 4, column: "Annual Revenue", message: "The amount cannot be negative." },
    ]);
  });

  it("refuses a second row for the same email or external ID, naming the first", () => {
    const t = hubspot("1,Ann,Lee,a@a.test,,A,,\n2,Bo,Li,A@a.test,,B,,\n1,Cy,Ng,c@c.test,,C,,\n");
    const { records, errors } = validateLeadRows(t, autoMap("leads", t.headers), "USD");
    expect(records.map((r) => r.row)).toEqual([2, 3]);
    expect(errors).toEqual([
      { row: 4, column: "Record ID", message: "Same external ID as row 2; keep one of the two rows." },
    ]);
    const noIds = table("Email,Name,Company\na@a.test,A,A\nA@A.test,B,B\n");
    expect(validateLeadRows(noIds, autoMap("leads", noIds.headers), "USD").errors).toEqual([
      { row: 3, column: "Email", message: "Same email as row 2; keep one of the two rows." },
    ]);
  });

  it("normalises websites and builds accounts", () => {
    expect(normalizeWebsite("WWW.Acme.com/about")).toBe("https://www.acme.com/about");
    expect(normalizeWebsite("http://acme.com")).toBe("http://acme.com");
    expect(normalizeWebsite("javascript:alert(1)")).toBeNull();
    expect(normalizeWebsite("not a site")).toBeNull();
    const t = table(
      "Account Name;Website;Industry\nAcme Health;acmehealth.example;Healthcare\nNo Site;;\nBad;ftp://x.example;\n",
    );
    const { records, errors } = validateAccountRows(t, autoMap("accounts", t.headers));
    expect(records).toEqual([
      { row: 2, name: "Acme Health", website: "https://acmehealth.example", industry: "Healthcare" },
      { row: 3, name: "No Site" },
    ]);
    expect(errors).toEqual([
      { row: 4, column: "Website", message: expect.stringMatching(/not a web address/) as string },
    ]);
  });
});

describe("matching stored records", () => {
  const stored = (over: Partial<StoredLead>): StoredLead => ({
    id: "l1",
    externalId: null,
    company: "Acme",
    contactName: "Ann Lee",
    contactEmail: "ann@acme.test",
    contactPhone: null,
    estimatedValueCents: null,
    originalSource: null,
    notes: null,
    ...over,
  });
  const columns = { externalId: "Record ID", key: "Email" };
  const lead = (over: object) => ({
    row: 2,
    company: "Acme",
    contactName: "Ann Lee",
    contactEmail: "ann@acme.test",
    ...over,
  });

  it("matches by external ID first, then by email; updates only what differs", () => {
    const { planned, errors } = planImport(
      "leads",
      [
        lead({ row: 2, externalId: "7", company: "Acme Inc" }),
        lead({ row: 3, contactEmail: "new@acme.test" }),
        lead({ row: 4, contactEmail: "bo@acme.test" }),
      ],
      [stored({ id: "byId", externalId: "7" }), stored({ id: "byEmail", contactEmail: "bo@acme.test" })],
      columns,
    );
    expect(errors).toEqual([]);
    expect(planned.map((p) => [p.action, "id" in p ? p.id : null])).toEqual([
      ["update", "byId"],
      ["create", null],
      ["unchanged", "byEmail"],
    ]);
    expect(planned[0]).toMatchObject({ changes: { company: "Acme Inc" } });
  });

  it("gives a stored lead its external ID when a new ID matches it by email; never one that has another ID", () => {
    const { planned } = planImport("leads", [lead({ externalId: "9" })], [stored({ id: "free" })], columns);
    expect(planned[0]).toMatchObject({ action: "update", id: "free", changes: { externalId: "9" } });
    const other = planImport("leads", [lead({ externalId: "9" })], [stored({ id: "taken", externalId: "8" })], columns);
    expect(other.planned[0]?.action).toBe("create");
  });

  it("refuses to guess between two stored leads with the row's email", () => {
    const { planned, errors } = planImport("leads", [lead({})], [stored({ id: "a" }), stored({ id: "b" })], columns);
    expect(planned).toEqual([]);
    expect(errors).toEqual([
      { row: 2, column: "Email", message: expect.stringMatching(/^2 leads already have this email/) as string },
    ]);
  });

  it("matches accounts by website domain, then by name", () => {
    const accounts = [
      { id: "web", externalId: null, name: "Acme Health", website: "https://www.acmehealth.example", industry: null },
      { id: "named", externalId: null, name: "Globex Retail", website: null, industry: "Retail" },
    ];
    const { planned } = planImport(
      "accounts",
      [
        { row: 2, name: "ACME (renamed)", website: "https://acmehealth.example" },
        { row: 3, name: "globex retail", industry: "Retail" },
        { row: 4, name: "Initech" },
      ],
      accounts,
      { externalId: "Record ID", key: "Account Name" },
    );
    expect(planned.map((p) => [p.action, "id" in p ? p.id : null])).toEqual([
      ["update", "web"],
      ["update", "named"],
      ["create", null],
    ]);
  });
});
