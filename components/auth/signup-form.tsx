"use client";

import { useEffect, useState } from "react";
import Link from "next/link";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useForm, useWatch } from "react-hook-form";
import { Building2, CheckCircle2, MailCheck } from "lucide-react";
import { ZSignupSchema, suggestSlug, type SlugAvailability } from "@/lib/schemas/signup";
import { useTRPC } from "@/trpc/client";
import { Button } from "@/components/ui/button";
import { Form, FormRootError, setServerError } from "@/components/ui/form";
import { TextField } from "@/components/ui/form-controls";

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
  const form = useForm({
    resolver: zodResolver(ZSignupSchema),
    defaultValues: { companyName: "", slug: "", founderName: "", email: "", code: "" },
  });
  const [slugEdited, setSlugEdited] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const typedSlug = useWatch({ control: form.control, name: "slug" });
  const slug = useDebounced(typedSlug.trim(), 300);
  // driven by the browser as the founder types: the address's availability, checked once per pause
  const check = useQuery({
    ...trpc.signup.checkSlug.queryOptions({ slug }),
    enabled: slug.length > 0,
    staleTime: 5_000,
  });
  const submit = useMutation(
    trpc.signup.submit.mutationOptions({
      onSuccess: (_data, input) => setSentTo(input.email),
      onError: (error) => setServerError(form, error),
    }),
  );
  const onSubmit = form.handleSubmit(({ code, ...input }) =>
    submit.mutate({ ...input, ...(needsCode ? { code } : {}) }),
  );

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

  const shownSlug = typedSlug.trim();
  const slugError = form.formState.errors.slug;
  const availability = shownSlug && shownSlug === slug ? check.data?.availability : undefined;
  const slugHint = slugError
    ? undefined
    : availability
      ? AVAILABILITY_TEXT[availability]
      : shownSlug && check.isError
        ? "We could not check this address right now; it is checked again when you submit."
        : shownSlug
          ? "Checking…"
          : undefined;

  const slugDescription = (
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
  );

  return (
    <Form {...form}>
      <form onSubmit={(e) => void onSubmit(e)} className="grid gap-4" noValidate>
        <FormRootError />
        {/* onInput: the field keeps onChange for its value; the address follows the name until it is edited */}
        <TextField
          control={form.control}
          name="companyName"
          label="Company name"
          required
          autoComplete="organization"
          autoFocus
          onInput={(e) => {
            if (!slugEdited) form.setValue("slug", suggestSlug(e.currentTarget.value));
          }}
        />
        <TextField
          control={form.control}
          name="slug"
          label="Workspace address"
          description={slugDescription}
          required
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={40}
          onInput={() => setSlugEdited(true)}
        />
        <TextField control={form.control} name="founderName" label="Your name" required autoComplete="name" />
        <TextField
          control={form.control}
          name="email"
          label="Work email"
          description="You will be the workspace's admin; we send a confirmation link here."
          required
          type="email"
          autoComplete="email"
        />
        {needsCode ? (
          <TextField
            control={form.control}
            name="code"
            label="Sign-up code"
            description="Sign-up on this server is by invitation: enter the code you were given."
            required
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            placeholder="XXXX-XXXX-XXXX-XXXX"
          />
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
    </Form>
  );
}
