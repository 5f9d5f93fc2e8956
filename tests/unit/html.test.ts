import { describe, expect, it } from "vitest";
import { renderMessage } from "@/server/messaging/templates/render";
import { printableDocument } from "@/lib/html";

/** Branding on printable documents and in emails (docs/branding.md#documents, #emails). */
describe("printable documents with the provider's brand", () => {
  const doc = { title: "Certificate", css: "", body: "<h1>Certificate</h1>" };

  it("is unchanged without a brand", () => {
    expect(printableDocument(doc)).toBe(printableDocument({ ...doc, brand: undefined }));
    expect(printableDocument(doc)).not.toContain("<img");
  });

  it("adds the logo and the accent when they have the exact expected shape", () => {
    const html = printableDocument({
      ...doc,
      brand: { name: "Acme <Labs>", logoDataUri: "data:image/png;base64,iVBORw0KGgo=", accent: "#0e7490" },
    });
    expect(html).toContain(
      '<img class="brand-logo" src="data:image/png;base64,iVBORw0KGgo=" alt="Acme &lt;Labs&gt; logo">',
    );
    expect(html).toContain("h1, h2 { color: #0e7490; }");
  });

  it("drops anything else instead of writing it into the page", () => {
    const html = printableDocument({
      ...doc,
      brand: {
        name: "x",
        logoDataUri: 'data:text/html;base64,PHNjcmlwdD4=" onerror="alert(1)',
        accent: "red;} body{display:none",
      },
    });
    expect(html).not.toContain("<img");
    expect(html).not.toContain("display:none");
  });
});

describe("emails with the provider's brand", () => {
  const base = {
    subject: "S",
    intro: "Hi",
    sections: [{ title: "T", facts: [], lists: [], note: null, link: { label: "Open", url: "https://x.test" } }],
    trailer: null,
    footer: "f",
    inApp: { title: "t", body: "b", link: "/" },
  };

  it("keeps Onward's header without a brand", () => {
    expect(renderMessage(base).html).toContain('font-weight:600">Onward</p>');
  });

  it("shows the logo (named) and the accent on the button", () => {
    const html = renderMessage({
      ...base,
      brand: { name: "Northwind", logoUrl: "https://app.test/api/branding/logo/t1?v=1", accent: "#0e7490" },
    }).html;
    expect(html).toContain('<img src="https://app.test/api/branding/logo/t1?v=1" alt="Northwind"');
    expect(html).toContain("background:#0e7490");
    expect(html).not.toContain(">Onward</p>");
  });
});
