import type { Metadata } from "next";
import { BrandingForm } from "@/components/settings/branding/branding-form";
import { LogoUpload } from "@/components/settings/branding/logo-upload";
import { PageHeader } from "@/components/shell/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { api } from "@/trpc/server";
import { formatDateTime } from "@/lib/format";
import { requirePermission } from "@/server/auth/guard";

export const metadata: Metadata = { title: "Branding" };

/** The customer portal's look and the email sender (docs/branding.md). */
export default async function BrandingPage() {
  await requirePermission("branding:write");
  const branding = await (await api()).branding.get();
  const name = branding.settings.displayName || branding.tenantName;
  return (
    <>
      <PageHeader
        title="Branding"
        description={`How your customers see ${name}: in their portal, the emails they receive, sign-off certificates and success dossiers.${branding.updatedAt ? ` Last changed ${formatDateTime(branding.updatedAt)} (version ${branding.version}).` : ""}`}
      />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Card>
          <CardHeader>
            <CardTitle as="h2">Name, colour and sender</CardTitle>
            <CardDescription>Empty fields keep Onward&apos;s defaults.</CardDescription>
          </CardHeader>
          <CardContent>
            <BrandingForm initial={branding.settings} />
          </CardContent>
        </Card>
        <div className="grid content-start gap-6">
          <Card>
            <CardHeader>
              <CardTitle as="h2">Logo</CardTitle>
            </CardHeader>
            <CardContent>
              <LogoUpload logo={branding.logo} name={name} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle as="h2">Emails are sent as</CardTitle>
              <CardDescription>What your customers see in their inbox with the saved settings.</CardDescription>
            </CardHeader>
            <CardContent className="grid gap-2 text-sm">
              <p>
                <span className="text-muted-foreground">From:</span>{" "}
                <span className="break-all font-medium" data-testid="branding-sender-from">
                  {branding.sender.from}
                </span>
              </p>
              <p>
                <span className="text-muted-foreground">Replies go to:</span>{" "}
                <span className="break-all">{branding.sender.replyTo ?? "the sender"}</span>
              </p>
              {branding.sender.note ? (
                <Alert>
                  <AlertDescription>{branding.sender.note}</AlertDescription>
                </Alert>
              ) : null}
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
