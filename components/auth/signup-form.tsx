"use client";

import { useEffect, useState } from "react";
import Link from "next/link";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Building2, CheckCircle2, MailCheck } from "lucide-react";
import { ZSignupSchema, suggestSlug, type SlugAvailability } from "@/lib/schemas/signup";
import { INPUT_KEY, formErrors, fieldErrorsOf } from "@/lib/form-errors";
import { useTRPC } from "@/trpc/client";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

type Fields = { companyName: string; slug: string; founderName: string; email: string; code: string };

const AVAILABILITY_TEXT: Record<SlugAvailability, string> = {
  available: "Available",
  taken: "Already taken: choose another address",
  reserved: "Reserved: choose another address",
  invalid: "Use 3–40 lowercase letters, digits and hyphens, not starting or ending with a hyphen",
};

/** Waits until typing pauses before checking the address, so the check runs once per pause. */
function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function SignupForm({ needsCode, host }: { needsCode: boolean; host: string }) {
  const trpc = useTRPC();
  const [fields, setFields] = useState<Fields>({ companyName: "", slug: "", founderName: "", email: "", code: "" });
  const [slugEdited, setSlugEdited] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sentTo, setSentTo] = useState<string | null>(null);
  const slug = useDebounced(fields.slug.trim(), 300);
  const check = useQuery({
    ...trpc.signup.checkSlug.queryOptions({ slug }),
    enabled: slug.length > 0,
    staleTime: 5_000,
  });
  const submit = useMutation(trpc.signup.submit.mutationOptions());

  const set = (name: keyof Fields) => (event: React.ChangeEvent<HTMLInputElement>) => {
    const value = event.target.value;
    setFields((f) => ({
      ...f,
      [name]: value,
      ...(name === "companyName" && !slugEdited ? { slug: suggestSlug(value) } : {}),
    }));
    if (name === "slug") setSlugEdited(true);
    setErrors((e) => ({ ...e, [name]: "", [INPUT_KEY]: "" }));
  };

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = {
      companyName: fields.companyName,
      slug: fields.slug,
      founderName: fields.founderName,
      email: fields.email,
      ...(needsCode ? { code: fields.code } : {}),
    };
    const parsed = ZSignupSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(formErrors(parsed.error));
      return;
    }
    submit.mutate(parsed.data, {
      onSuccess: () => setSentTo(parsed.data.email),
      onError: (error) => {
        const fieldErrors = fieldErrorsOf(error);
        setErrors(Object.keys(fieldErrors).length > 0 ? fieldErrors : { [INPUT_KEY]: error.message });
      },
    });
  }

  if (sentTo) {
    return (
      <div className="grid gap-4" role="status">
        <div className="flex items-center gap-2 font-medium">
          <MailCheck aria-hidden className="size-5 text-primary" /> Check your inbox
        </div>
        <p className="text-sm text-muted-foreground">
          We sent a link to <strong className="text-foreground">{sentTo}</strong>. Open it within 24 hours to confirm
          your email, choose a password and create your workspace. Nothing is created until then.
        </p>
        <p className="text-sm text-muted-foreground">
          No email after a few minutes? Check your spam folder, or{" "}
          <button
            type="button"
            className="underline underline-offset-4 hover:text-foreground"
            onClick={() => setSentTo(null)}
          >
            go back and submit again
          </button>{" "}
          (the new link replaces the old one).
        </p>
      </div>
    );
  }

  const shownSlug = fields.slug.trim();
  const availability = shownSlug && shownSlug === slug ? check.data?.availability : undefined;
  const slugHint = errors.slug
    ? undefined
    : availability
      ? AVAILABILITY_TEXT[availability]
      : shownSlug && check.isError
        ? "We could not check this address right now; it is checked again when you submit."
        : shownSlug
          ? "Checking…"
          : undefined;

  return (
    <form onSubmit={onSubmit} className="grid gap-4" noValidate>
      {errors[INPUT_KEY] ? (
        <Alert variant="destructive">
          <AlertDescription>{errors[INPUT_KEY]}</AlertDescription>
        </Alert>
      ) : null}
      <FormField id="companyName" label="Company name" error={errors.companyName} required>
        <Input
          name="companyName"
          autoComplete="organization"
          value={fields.companyName}
          onChange={set("companyName")}
          autoFocus
        />
      </FormField>
      <FormField
        id="slug"
        label="Workspace address"
        error={errors.slug}
        required
        description={
          <>
            <span className="block break-all">
              Your self-service assessment: {host}/assess/
              <strong className="text-foreground">{shownSlug || "your-company"}</strong>
            </span>
            {slugHint ? (
              <span
                aria-live="polite"
                className={
                  availability === "available"
                    ? "mt-1 flex items-center gap-1 text-emerald-700 dark:text-emerald-400"
                    : availability
                      ? "mt-1 block text-destructive"
                      : "mt-1 block"
                }
              >
                {availability === "available" ? <CheckCircle2 aria-hidden className="size-4" /> : null}
                {slugHint}
              </span>
            ) : null}
          </>
        }
      >
        <Input
          name="slug"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={fields.slug}
          onChange={set("slug")}
          maxLength={40}
        />
      </FormField>
      <FormField id="founderName" label="Your name" error={errors.founderName} required>
        <Input name="founderName" autoComplete="name" value={fields.founderName} onChange={set("founderName")} />
      </FormField>
      <FormField
        id="email"
        label="Work email"
        description="You will be the workspace's admin; we send a confirmation link here."
        error={errors.email}
        required
      >
        <Input name="email" type="email" autoComplete="email" value={fields.email} onChange={set("email")} />
      </FormField>
      {needsCode ? (
        <FormField
          id="code"
          label="Sign-up code"
          description="Sign-up on this server is by invitation: enter the code you were given."
          error={errors.code}
          required
        >
          <Input
            name="code"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            value={fields.code}
            onChange={set("code")}
            placeholder="XXXX-XXXX-XXXX-XXXX"
          />
        </FormField>
      ) : null}
      <Button type="submit" disabled={submit.isPending}>
        <Building2 aria-hidden /> {submit.isPending ? "Sending…" : "Create your workspace"}
      </Button>
      <p className="text-center text-sm text-muted-foreground">
        Already have an account?{" "}
        <Link href="/login" className="font-medium text-foreground underline underline-offset-4">
          Sign in
        </Link>
      </p>
    </form>
  );
}
