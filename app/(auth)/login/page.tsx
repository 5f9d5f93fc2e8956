import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForms } from "@/components/auth/login-forms";
import { DemoCredentials } from "@/components/auth/demo-credentials";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { currentUser } from "@/server/auth/current-user";
import { ROLE_HOME } from "@/server/auth/permissions";
import { isDemoMode } from "@/lib/demo";

export const metadata: Metadata = { title: "Sign in" };

const AUTH_ERRORS: Record<string, string> = {
  Verification: "That sign-in link has expired or was already used. Request a new one below.",
  AccessDenied: "That account cannot sign in here.",
  Configuration: "Sign-in is not available right now. Try again in a minute.",
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await currentUser();
  if (user) redirect(ROLE_HOME[user.role]);
  const params = await searchParams;
  const error = typeof params.error === "string" ? (AUTH_ERRORS[params.error] ?? "Sign-in failed. Try again.") : null;
  const email = typeof params.email === "string" ? params.email : undefined;
  const invited = params.invited === "1";
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
          <LoginForms initialMode={email || params.mode === "customer" ? "customer" : "team"} initialEmail={email} />
        </CardContent>
      </Card>
      {isDemoMode() ? <DemoCredentials /> : null}
    </div>
  );
}
