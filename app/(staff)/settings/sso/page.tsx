import type { Metadata } from "next";
import { RemoveSsoButton, SsoForm } from "@/components/settings/sso/sso-form";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import { api } from "@/trpc/server";
import { requirePermission } from "@/server/auth/guard";

export const metadata: Metadata = { title: "Single sign-on" };

/** The workspace's OpenID Connect single sign-on for staff (docs/security.md#single-sign-on). */
export default async function SsoSettingsPage() {
  await requirePermission("sso:manage");
  const sso = await (await api()).sso.get();
  return (
    <>
      <PageHeader
        title="Single sign-on"
        description={`Your team signs in through your company's identity provider (OpenID Connect).${sso.updatedAt ? ` Last changed ${formatDateTime(sso.updatedAt)} (version ${sso.version}).` : ""}`}
      />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Card>
          <CardHeader>
            <CardTitle as="h2">Identity provider</CardTitle>
            <CardDescription>{sso.configured ? "Single sign-on is on." : "Single sign-on is off."}</CardDescription>
          </CardHeader>
          <CardContent>
            <SsoForm
              secretSet={sso.clientSecretSet}
              initial={{
                issuer: sso.issuer,
                clientId: sso.clientId,
                clientSecret: "",
                domains: sso.domains.join(", "),
                provisioning: sso.provisioning,
                defaultRole: sso.defaultRole,
                passwordSignInOff: sso.passwordSignInOff,
              }}
            />
          </CardContent>
        </Card>
        <div className="grid content-start gap-6">
          <Card>
            <CardHeader>
              <CardTitle as="h2">At your identity provider</CardTitle>
              <CardDescription>Register Onward as a web application with this redirect URI:</CardDescription>
            </CardHeader>
            <CardContent className="grid gap-2 text-sm">
              <code className="break-all rounded bg-muted px-2 py-1" data-testid="sso-redirect-uri">
                {sso.redirectUri}
              </code>
              <p className="text-muted-foreground">
                Scopes: openid, email, profile. Sign-ins through single sign-on skip Onward&apos;s own second factor:
                your provider asks for it.
              </p>
            </CardContent>
          </Card>
          {sso.configured ? (
            <Card>
              <CardHeader>
                <CardTitle as="h2">Turn off</CardTitle>
                <CardDescription>
                  Releases the domains; people sign in with a password or email link again.
                </CardDescription>
              </CardHeader>
              <CardContent>
                <RemoveSsoButton />
              </CardContent>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
