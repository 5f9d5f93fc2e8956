import { escapeHtml } from "@/lib/html";

/**
 * The provider's look in a customer email (docs/branding.md#emails): its name and logo at the top, its
 * accent on the action button. Without branding, emails keep Onward's plain header.
 */
export type EmailBrand = {
  name: string;
  /** absolute URL of the versioned logo (APP_URL + /api/branding/logo/…), or null */
  logoUrl: string | null;
  /** "#rrggbb", checked against white on save */
  accent: string | null;
};

const HEX = /^#[0-9a-f]{6}$/;

/** The first line of a branded email: the logo (with the name as its text) or the name alone. */
export function emailBrandHeader(brand: EmailBrand): string {
  const name = escapeHtml(brand.name);
  return brand.logoUrl
    ? `<p style="margin:0 0 12px"><img src="${escapeHtml(brand.logoUrl)}" alt="${name}" height="40" style="height:40px;width:auto;border:0"></p>`
    : `<p style="margin:0 0 8px;font-weight:600">${name}</p>`;
}

/** The action button's colour: the accent when it has the exact expected shape, else Onward's. */
export function buttonColor(brand: EmailBrand | null | undefined): string {
  return brand?.accent && HEX.test(brand.accent) ? brand.accent : "#18181b";
}
