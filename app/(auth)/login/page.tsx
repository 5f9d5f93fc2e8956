import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForms } from "@/components/auth/login-forms";
import { DemoCredentials } from "@/components/auth/demo-credentials";
import { SsoSignInForm, SsoSignInLink } from "@/components/auth/sso-sign-in-form";
import { ssoRefusalMessage } from "@/lib/labels/sso";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { currentUser } from "@/server/auth/current-user";
import { ROLE_HOME } from "@/domain/access/permissions";
import Link from "next/link";
import { isDemoMode } from "@/lib/demo";
import { signupMode } from "@/lib/env";
import { db } from "@/server/db/client";
import { anyWorkspace } from "@/server/db/workspaces";

export const metadata: Metadata = { title: "Sign in" };

const AUTH_ERRORS: Record<string, string> = {
  Verification: "That sign-in link has expired or was already used. Request a new one below.",
  AccessDenied: "That account cannot sign in here.",
  Configuration: "Sign-in is not available right now. Try again in a minute.",
};

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await currentUser();
  if (user) redirect(ROLE_HOME[user.role]);
  const params = await searchParams;
  const error =
    typeof params.error === "string"
      ? (AUTH_ERRORS[params.error] ?? "Sign-in failed. Try again.")
      : ssoRefusalMessage(params.sso_error);
  const sso = params.mode === "sso";
  const email = typeof params.email === "string" ? params.email : undefined;
  const invited = params.invited === "1";
  const created = params.created === "1";
  // docs/signup.md#modes: a link to sign up when it is open; with sign-up closed and no workspace yet, how the operator creates one
  const mode = signupMode();
  const firstRun = mode === "closed" && !(await anyWorkspace(db()));
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle as="h1">Sign in</CardTitle>
          <CardDescription>Team members use their password; customers get a one-time email link.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {error ? (
            <Alert variant="destructive">
              <AlertDescription>{error}</AlertDescription>
            </Alert>
          ) : null}
          {invited ? (
            <Alert variant="success">
              <AlertDescription>Your password is set. Sign in with it now.</AlertDescription>
            </Alert>
          ) : null}
          {created ? (
            <Alert variant="success">
              <AlertDescription>
                Your workspace is ready. Sign in with your email and the password you chose.
              </AlertDescription>
            </Alert>
          ) : null}
          {firstRun ? (
            <Alert>
              <AlertDescription>
                <p className="font-medium text-foreground">This server has no workspace yet.</p>
                <p>
                  Sign-up is closed, so the operator creates the first one on the server:{" "}
                  <code className="break-all rounded bg-muted px-1 py-0.5 text-xs">
                    npm run tenant:create -- --name &quot;Your company&quot; --slug your-company --admin-email
                    you@example.com
                  </code>{" "}
                  and opens the link it prints to choose the admin&apos;s password.
                </p>
              </AlertDescription>
            </Alert>
          ) : null}
          {sso ? (
            <SsoSignInForm />
          ) : (
            <>
              <LoginForms
                initialMode={email || params.mode === "customer" ? "customer" : "team"}
                initialEmail={email}
              />
              <SsoSignInLink />
            </>
          )}
          {mode !== "closed" ? (
            <p className="text-center text-sm text-muted-foreground">
              New to Onward?{" "}
              <Link href="/signup" className="font-medium text-foreground underline underline-offset-4">
                Create your workspace
              </Link>
            </p>
          ) : null}
        </CardContent>
      </Card>
      {isDemoMode() ? <DemoCredentials /> : null}
    </div>
  );
}
