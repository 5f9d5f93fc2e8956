"use client";

import { formText } from "@/lib/form-data";
import { useMutation } from "@tanstack/react-query";
import { UserPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { ROLES, STAKEHOLDER_ROLES, ZInviteUserSchema } from "@/lib/schemas/users";
import { useTRPC } from "@/trpc/client";
import { ROLE_LABEL } from "@/lib/labels/role";
import { formErrors, fieldErrorsOf } from "@/lib/form-errors";
import { STAKEHOLDER_ROLE_LABEL } from "@/lib/labels/stakeholder-role";

export function InviteUserDialog({ accounts }: { accounts: { id: string; name: string }[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState<(typeof ROLES)[number]>("CSM");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const [demoLink, setDemoLink] = useState<string | null>(null);
  const invite = useMutation(
    trpc.users.invite.mutationOptions({
      onSuccess: (user) => {
        setDone(`Invitation sent to ${user.email}.`);
        setDemoLink(user.inviteUrl);
        setFieldErrors({});
        router.refresh();
      },
      onError: (error) => setFieldErrors(fieldErrorsOf(error)),
    }),
  );

  // onSubmit rather than a form action: React resets a form after an action, which would wipe
  // what the admin typed whenever a field needs fixing.
  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setDone(null);
    setDemoLink(null);
    const customer = role === "CUSTOMER";
    const input = {
      email: formText(form.get("email")),
      name: formText(form.get("name")),
      role,
      customerAccountId: customer ? formText(form.get("customerAccountId")) || undefined : undefined,
      stakeholderRole: customer ? formText(form.get("stakeholderRole")) || undefined : undefined,
      isApprover: customer ? form.get("isApprover") === "on" : false,
    };
    // the same schema the server uses: instant, field-level messages
    const parsed = ZInviteUserSchema.safeParse(input);
    if (!parsed.success) {
      const errors = formErrors(parsed.error);
      setFieldErrors(errors);
      return;
    }
    invite.mutate(parsed.data, { onSuccess: () => formElement.reset() });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) {
          setDone(null);
          setDemoLink(null);
          setFieldErrors({});
          invite.reset();
        }
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <UserPlus aria-hidden /> Invite user
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Invite a user</DialogTitle>
          <DialogDescription>
            They get an email: staff choose a password, customers sign in with a one-time link.
          </DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          {done ? (
            <Alert variant="success">
              <AlertDescription>{done}</AlertDescription>
            </Alert>
          ) : null}
          {demoLink ? (
            <Alert>
              <AlertDescription className="break-all">
                Demo: invitations are not shown in the dev mail viewer. Give this link to the person you invited:{" "}
                <a className="text-primary underline" href={demoLink} data-testid="demo-invite-link">
                  {demoLink}
                </a>
              </AlertDescription>
            </Alert>
          ) : null}
          {invite.error && !invite.error.data?.code?.includes("BAD_REQUEST") ? (
            <Alert variant="destructive">
              <AlertDescription>{invite.error.message}</AlertDescription>
            </Alert>
          ) : null}
          <FormField id="invite-name" label="Full name" error={fieldErrors.name} required>
            <Input name="name" autoComplete="off" />
          </FormField>
          <FormField id="invite-email" label="Email" error={fieldErrors.email} required>
            <Input name="email" type="email" autoComplete="off" />
          </FormField>
          <FormField id="invite-role" label="Role" error={fieldErrors.role} required>
            <NativeSelect name="role" value={role} onChange={(e) => setRole(e.target.value as (typeof ROLES)[number])}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABEL[r]}
                </option>
              ))}
            </NativeSelect>
          </FormField>
          {role === "CUSTOMER" ? (
            <>
              <FormField id="invite-account" label="Customer account" error={fieldErrors.customerAccountId} required>
                <NativeSelect name="customerAccountId" defaultValue="">
                  <option value="">Choose an account…</option>
                  {accounts.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
                </NativeSelect>
              </FormField>
              <FormField id="invite-stakeholder" label="Stakeholder role" error={fieldErrors.stakeholderRole} required>
                <NativeSelect name="stakeholderRole" defaultValue="">
                  <option value="">Choose a stakeholder role…</option>
                  {STAKEHOLDER_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {STAKEHOLDER_ROLE_LABEL[r]}
                    </option>
                  ))}
                </NativeSelect>
              </FormField>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="isApprover" className="size-4 accent-primary" /> May sign off milestones
              </label>
            </>
          ) : null}
          <DialogFooter>
            <Button type="submit" disabled={invite.isPending}>
              {invite.isPending ? "Sending…" : "Send invitation"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
