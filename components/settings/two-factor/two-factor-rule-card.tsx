"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form, FormRootError, setServerError } from "@/components/ui/form";
import { CheckboxField } from "@/components/ui/form-controls";
import { ZRequireTwoFactorSchema } from "@/lib/schemas/two-factor";
import { useTRPC } from "@/trpc/client";

/** The workspace rule "require two-factor sign-in for staff" (docs/security.md#two-factor-sign-in). */
export function TwoFactorRuleCard({ required }: { required: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useForm({ resolver: zodResolver(ZRequireTwoFactorSchema), defaultValues: { required } });
  const save = useMutation(
    trpc.twoFactor.setWorkspaceRule.mutationOptions({
      onError: (error) => setServerError(form, error),
      onSuccess: () => router.refresh(),
    }),
  );
  const submit = form.handleSubmit((input) => save.mutate(input));
  return (
    <Card id="two-factor-rule" className="mt-6">
      <CardHeader>
        <CardTitle as="h2">Two-factor sign-in</CardTitle>
        <CardDescription>
          When required, team members without two-factor sign-in set it up at their next sign-in and cannot use Onward
          until they have. Customers sign in by email link and are not affected.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Form {...form}>
          <form
            className="flex flex-wrap items-center gap-4"
            aria-label="Two-factor sign-in rule"
            noValidate
            onSubmit={(event) => void submit(event)}
          >
            <CheckboxField control={form.control} name="required" label="Require two-factor sign-in for staff" />
            <Button type="submit" disabled={save.isPending}>
              Save
            </Button>
          </form>
          {save.isSuccess ? (
            <Alert variant="success" className="mt-3">
              <AlertDescription>Saved.</AlertDescription>
            </Alert>
          ) : null}
          <FormRootError className="mt-3" />
        </Form>
      </CardContent>
    </Card>
  );
}
