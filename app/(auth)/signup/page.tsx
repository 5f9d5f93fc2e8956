import type { Metadata } from "next";
import Link from "next/link";
import { SignupForm } from "@/components/auth/signup-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { serverEnv, signupMode } from "@/lib/env";
import { TRPCReactProvider } from "@/trpc/client";
import { SIGNUP_CLOSED_MESSAGE } from "@/server/services/signup";

export const metadata: Metadata = { title: "Create your workspace" };
// SIGNUP is read per request (the operator's setting at start), never baked in at build time
export const dynamic = "force-dynamic";

/** Self-serve sign-up (docs/signup.md): open to anyone, by invitation code, or closed by the operator. */
export default function SignupPage() {
  const mode = signupMode();
  if (mode === "closed") {
    return (
      <Card>
        <CardHeader>
          <CardTitle as="h1">Sign-up is closed</CardTitle>
          <CardDescription>{SIGNUP_CLOSED_MESSAGE}</CardDescription>
        </CardHeader>
        <CardContent className="text-sm">
          Already have an account?{" "}
          <Link href="/login" className="font-medium underline underline-offset-4">
            Sign in
          </Link>
        </CardContent>
      </Card>
    );
  }
  const host = new URL(serverEnv().APP_URL).host;
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Create your workspace</CardTitle>
        <CardDescription>
          Run your whole customer journey in Onward. Tell us about your company; we email you a link to confirm and
          choose your password.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <TRPCReactProvider>
          <SignupForm needsCode={mode === "invite"} host={host} />
        </TRPCReactProvider>
      </CardContent>
    </Card>
  );
}
