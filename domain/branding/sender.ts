/**
 * Who an email says it is from (docs/branding.md#sender). A tenant's own From address is used only when
 * its domain is one the operator verified with the email provider (EMAIL_VERIFIED_DOMAINS); otherwise
 * the operator's EMAIL_FROM address carries the tenant's name, so the mail still passes SPF/DKIM.
 * Replies go to the tenant's reply-to, else its support email. Pure.
 */

export type SenderSettings = {
  displayName: string | null;
  fromName: string | null;
  fromEmail: string | null;
  replyTo: string | null;
  supportEmail: string | null;
};

export type ResolvedSender = {
  from: string;
  replyTo: string | null;
  /** "tenant": the tenant's own address; "operator": EMAIL_FROM's address (with the tenant's name when it has one) */
  address: "tenant" | "operator";
  /** why the tenant's own From address is not used, when it is set but refused */
  note: string | null;
};

/** "Onward <no-reply@onward.local>" or "no-reply@onward.local" → name and address. */
export function parseMailbox(value: string): { name: string | null; address: string } {
  const m = /^\s*(.*?)\s*<\s*([^<>\s]+)\s*>\s*$/.exec(value);
  if (!m) return { name: null, address: value.trim() };
  const name = (m[1] ?? "")
    .replace(/^"(.*)"$/, "$1")
    .replace(/\\(.)/g, "$1")
    .trim();
  return { name: name || null, address: m[2] ?? "" };
}

/** A display name as RFC 5322 wants it: line breaks and angle brackets dropped, quoted when it has specials. */
export function formatMailbox(name: string | null, address: string): string {
  const clean = (name ?? "")
    .replace(/[\r\n<>]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!clean) return address;
  const quoted = /[()<>[\]:;@\\,."]/.test(clean) ? `"${clean.replace(/(["\\])/g, "\\$1")}"` : clean;
  return `${quoted} <${address}>`;
}

export function emailDomain(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1).toLowerCase();
}

/** "example.com, Mail.Example.org" → ["example.com", "mail.example.org"]; exact domains, no wildcards. */
export function parseVerifiedDomains(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
    .filter((d) => d.length > 0);
}

export function resolveSender(
  operatorFrom: string,
  verifiedDomains: readonly string[],
  tenant: SenderSettings | null,
): ResolvedSender {
  const operator = parseMailbox(operatorFrom);
  if (!tenant) return { from: operatorFrom, replyTo: null, address: "operator", note: null };
  const replyTo = tenant.replyTo ?? tenant.supportEmail ?? null;
  const name = tenant.fromName ?? tenant.displayName;
  if (tenant.fromEmail) {
    const domain = emailDomain(tenant.fromEmail);
    if (verifiedDomains.includes(domain))
      return { from: formatMailbox(name, tenant.fromEmail), replyTo, address: "tenant", note: null };
    const note = `${domain} is not a verified sending domain of this installation, so emails are sent from ${operator.address}.`;
    return { from: name ? formatMailbox(name, operator.address) : operatorFrom, replyTo, address: "operator", note };
  }
  return {
    from: name ? formatMailbox(name, operator.address) : operatorFrom,
    replyTo,
    address: "operator",
    note: null,
  };
}
