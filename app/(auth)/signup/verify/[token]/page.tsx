import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInviteForm } from "@/components/auth/accept-invite-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { signupMode } from "@/lib/env";
import { db } from "@/server/db/client";
import { SIGNUP_CLOSED_MESSAGE, signupForToken } from "@/server/services/signup";
import { completeSignupAction } from "./actions";

export const metadata: Metadata = { title: "Create your workspace" };

/** The link from the sign-up email (docs/signup.md#flow): shows what will be created and asks for a password. */
export default async function VerifySignupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token: raw } = await params;
  const token = raw.slice(0, 200);
  const closed = signupMode() === "closed";
  const signup = closed ? null : await signupForToken(db(), token, new Date());
  if (!signup) {
    return (
      <Card>
        <CardHeader>
          <CardTitle as="h1">{closed ? "Sign-up is closed" : "This link no longer works"}</CardTitle>
          <CardDescription>
            {closed
              ? SIGNUP_CLOSED_MESSAGE
              : "Confirmation links work once, for 24 hours. If your workspace was already created, sign in; otherwise sign up again."}
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-wrap gap-4 text-sm">
          <Link href="/login" className="font-medium underline underline-offset-4">
            Sign in
          </Link>
          {closed ? null : (
            <Link href="/signup" className="font-medium underline underline-offset-4">
              Sign up again
            </Link>
          )}
        </CardContent>
      </Card>
    );
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Create {signup.companyName}</CardTitle>
        <CardDescription>
          Your email is confirmed. Choose a password to finish: you will be the workspace&apos;s admin.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <Alert>
          <AlertDescription>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-muted-foreground">Workspace</dt>
              <dd className="break-all">
                {signup.companyName} ({signup.slug})
              </dd>
              <dt className="text-muted-foreground">Admin</dt>
              <dd className="break-all">
                {signup.founderName}, {signup.email}
              </dd>
            </dl>
          </AlertDescription>
        </Alert>
        <AcceptInviteForm
          token={token}
          action={completeSignupAction}
          submitLabel="Create workspace"
          pendingLabel="Creating your workspace…"
        />
      </CardContent>
    </Card>
  );
}
