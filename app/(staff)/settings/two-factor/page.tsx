import type { Metadata } from "next";
import { TwoFactorCard } from "@/components/settings/two-factor/two-factor-card";
import { PageHeader } from "@/components/shell/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { api } from "@/trpc/server";
import { requirePermission } from "@/server/auth/guard";

export const metadata: Metadata = { title: "Two-factor sign-in" };

/** A staff member's own two-factor sign-in (docs/security.md#two-factor-sign-in). */
export default async function TwoFactorSettingsPage() {
  const me = await requirePermission("twofactor:manage");
  const state = await (await api()).twoFactor.mine();
  return (
    <>
      <PageHeader
        title="Two-factor sign-in"
        description="After your password, Onward asks for a code from an authenticator app on your phone."
      />
      {me.mustEnrolTwoFactor ? (
        <Alert className="mb-6" role="status">
          <AlertDescription>
            {me.tenantName} requires two-factor sign-in. Set it up to continue using Onward.
          </AlertDescription>
        </Alert>
      ) : null}
      <TwoFactorCard state={state} />
    </>
  );
}
