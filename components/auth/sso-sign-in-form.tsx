"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useForm } from "react-hook-form";
import { Building2 } from "lucide-react";
import { ssoSignIn } from "@/app/(auth)/login/sso-action";
import { Button } from "@/components/ui/button";
import { Form, FormRootError } from "@/components/ui/form";
import { TextField } from "@/components/ui/form-controls";
import { ZSsoStartSchema } from "@/lib/schemas/sso";
import { useActionSubmit } from "./use-action-submit";

/** "Sign in with SSO": the work email's domain names the workspace and its identity provider. */
export function SsoSignInForm() {
  const form = useForm({ resolver: zodResolver(ZSsoStartSchema), defaultValues: { email: "" } });
  const { submit, pending } = useActionSubmit(form, ssoSignIn);
  return (
    <Form {...form}>
      <form onSubmit={submit} className="grid gap-4" noValidate aria-label="Single sign-on">
        <p className="text-sm text-muted-foreground">
          Your company signs you in: enter your work email and we send you to its sign-in page.
        </p>
        <FormRootError />
        <TextField
          control={form.control}
          name="email"
          label="Work email"
          required
          type="email"
          autoComplete="username"
          autoFocus
        />
        <Button type="submit" disabled={pending}>
          <Building2 aria-hidden /> {pending ? "Redirecting…" : "Continue with single sign-on"}
        </Button>
        <Link href="/login" className="text-center text-sm text-muted-foreground underline underline-offset-4">
          Use a password or email link instead
        </Link>
      </form>
    </Form>
  );
}

/** The way into the single sign-on form from the other sign-in forms (a link, so the page can also be opened directly). */
export function SsoSignInLink() {
  return (
    <p className="text-center text-sm text-muted-foreground">
      Your company uses single sign-on?{" "}
      <Link href="/login?mode=sso" className="font-medium text-foreground underline underline-offset-4">
        Sign in with SSO
      </Link>
    </p>
  );
}
