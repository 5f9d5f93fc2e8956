"use client";

import { useMutation } from "@tanstack/react-query";
import { UserPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
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
import {
  Form,
  FormControl,
  FormField,
  FormItem,
  FormLabel,
  FormMessage,
  FormRootError,
  setServerError,
} from "@/components/ui/form";
import { CheckboxField, TextField } from "@/components/ui/form-controls";
import { NativeSelect } from "@/components/ui/select";
import { ROLES, STAKEHOLDER_ROLES, ZInviteUserSchema, type InviteUserInput } from "@/lib/schemas/users";
import { useTRPC } from "@/trpc/client";
import { ROLE_LABEL } from "@/lib/labels/role";
import { STAKEHOLDER_ROLE_LABEL } from "@/lib/labels/stakeholder-role";

export function InviteUserDialog({ accounts }: { accounts: { id: string; name: string }[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [demoLink, setDemoLink] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(ZInviteUserSchema),
    defaultValues: { email: "", name: "", role: "CSM", isApprover: false } as InviteUserInput,
  });
  const role = useWatch({ control: form.control, name: "role" });
  const invite = useMutation(
    trpc.users.invite.mutationOptions({
      onSuccess: (user) => {
        setDone(`Invitation sent to ${user.email}.`);
        setDemoLink(user.inviteUrl);
        form.reset();
        router.refresh();
      },
      onError: (error) => setServerError(form, error),
    }),
  );

  const submit = form.handleSubmit((input) => {
    setDone(null);
    setDemoLink(null);
    const customer = input.role === "CUSTOMER";
    invite.mutate({
      ...input,
      customerAccountId: customer ? input.customerAccountId : undefined,
      stakeholderRole: customer ? input.stakeholderRole : undefined,
      isApprover: customer ? input.isApprover : false,
    });
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) {
          setDone(null);
          setDemoLink(null);
          form.reset();
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
        <Form {...form}>
          <form onSubmit={(event) => void submit(event)} className="grid gap-4" noValidate>
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
            <FormRootError />
            <TextField control={form.control} name="name" label="Full name" autoComplete="off" required />
            <TextField control={form.control} name="email" label="Email" type="email" autoComplete="off" required />
            <FormField
              control={form.control}
              name="role"
              render={({ field }) => (
                <FormItem required>
                  <FormLabel>Role</FormLabel>
                  <FormControl>
                    <NativeSelect
                      {...field}
                      onChange={(e) => {
                        field.onChange(e.target.value);
                        if (e.target.value !== "CUSTOMER") {
                          form.setValue("customerAccountId", undefined);
                          form.setValue("stakeholderRole", undefined);
                          form.setValue("isApprover", false);
                        }
                      }}
                    >
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {ROLE_LABEL[r]}
                        </option>
                      ))}
                    </NativeSelect>
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            {role === "CUSTOMER" ? (
              <>
                <FormField
                  control={form.control}
                  name="customerAccountId"
                  render={({ field }) => (
                    <FormItem required>
                      <FormLabel>Customer account</FormLabel>
                      <FormControl>
                        <NativeSelect
                          {...field}
                          value={field.value ?? ""}
                          onChange={(e) => field.onChange(e.target.value || undefined)}
                        >
                          <option value="">Choose an account…</option>
                          {accounts.map((a) => (
                            <option key={a.id} value={a.id}>
                              {a.name}
                            </option>
                          ))}
                        </NativeSelect>
                      </FormControl>
                      <FormMessage />
                    </FormItem>
                  )}
                />
                <FormField
                  control={form.control}
                  name="stakeholderRole"
                  render={({ field }) => (
                    <FormItem required>
                      <FormLabel>Stakeholder role</FormLabel>
                      <FormControl>
                        <NativeSelect
                          {...field}
                          value={field.value ?? ""}
                          onChange={(e) => field.onChange(e.target.value || undefined)}
                        >
                          <option value="">Choose a stakeholder role…</option>
                          {STAKEHOLDER_ROLES.map((r) => (
                            <option key={r} value={r}>
                              {STAKEHOLDER_ROLE_LABEL[r]}
                            </option>
                          ))}
                        </NativeSelect>
                      </FormControl>
                      <FormMessage />
                    </FormItem>
                  )}
                />
                <CheckboxField control={form.control} name="isApprover" label="May sign off milestones" />
              </>
            ) : null}
            <DialogFooter>
              <Button type="submit" disabled={invite.isPending}>
                {invite.isPending ? "Sending…" : "Send invitation"}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
