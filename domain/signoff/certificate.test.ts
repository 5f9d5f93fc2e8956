import { describe, expect, it } from "vitest";
import { certificateFileName, renderCertificateHtml, type CertificateData } from "./certificate";

const base: CertificateData = {
  provider: "Northwind Labs",
  customer: "Acme <Health>",
  project: { id: "p1", name: "Patient Intake Portal" },
  milestone: {
    id: "m1",
    weekNumber: 3,
    title: "Feature Completion & QA",
    dueDate: new Date("2026-01-22T00:00:00Z"),
    status: "SUCCESS",
    score: 97.5,
  },
  signatures: [
    {
      seq: 4,
      decision: "APPROVED",
      comment: "<script>alert(1)</script>\nLooks good",
      createdAt: new Date("2026-01-21T10:30:00Z"),
      ip: "203.0.113.7",
      userAgent: "Mozilla/5.0",
      signer: { name: "Paula Owens", email: "po@acme.test", stakeholderRole: "PRODUCT_OWNER" },
      criterion: { name: "All Features Implemented", deliverable: "Complete feature set" },
      contentHash: "a".repeat(64),
      prevHash: "b".repeat(64),
      hash: "c".repeat(64),
    },
  ],
  verification: { intact: true, entries: 4, contentChecked: 4, headHash: "c".repeat(64), firstBroken: null },
  issuedAt: new Date("2026-01-22T08:00:00Z"),
};

describe("sign-off certificate", () => {
  it("lists every signature with its hashes, signer, time, IP and user agent", () => {
    const html = renderCertificateHtml(base);
    for (const text of [
      "#4",
      "All Features Implemented",
      "Approved",
      "Paula Owens",
      "Product owner",
      "2026-01-21 10:30:00 UTC",
      "203.0.113.7",
      "Mozilla/5.0",
      "a".repeat(64),
      "b".repeat(64),
      "c".repeat(64),
    ]) {
      expect(html, text).toContain(text);
    }
    expect(html).toContain("all 4 entries are intact");
  });

  it("escapes everything a person typed", () => {
    const html = renderCertificateHtml(base);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("Acme &lt;Health&gt;");
  });

  it("says where the chain is broken, and when nothing was signed yet", () => {
    const html = renderCertificateHtml({
      ...base,
      signatures: [],
      verification: {
        intact: false,
        entries: 3,
        contentChecked: 0,
        headHash: null,
        firstBroken: { seq: 2, kind: "hash_mismatch", reason: "Entry #2 was changed after it was recorded." },
      },
    });
    expect(html).toContain("broken at entry #2");
    expect(html).toContain("No signature has been recorded for this week yet.");
  });

  it("names the file after the project and week", () => {
    expect(certificateFileName(base)).toBe("sign-off-certificate-patient-intake-portal-week-3.html");
  });
});
