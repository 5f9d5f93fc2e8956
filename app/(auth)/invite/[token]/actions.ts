"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIpFrom } from "@/server/http/client-ip";
import type { ActionRefusal } from "@/lib/schemas/auth";
import { ZAcceptInviteSchema } from "@/lib/schemas/password";
import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { acceptInvite } from "@/server/services/users";
import { formErrors } from "@/lib/form-errors";

export type InviteState = ActionRefusal;

export async function acceptInviteAction(_prev: InviteState, form: FormData): Promise<InviteState> {
  const parsed = ZAcceptInviteSchema.safeParse({
    token: form.get("token"),
    password: form.get("password"),
    confirm: form.get("confirm"),
  });
  if (!parsed.success) {
    const fieldErrors = formErrors(parsed.error);
    return fieldErrors.token
      ? { message: "This invitation link is invalid or has expired. Ask your admin for a new one." }
      : { fieldErrors };
  }
  try {
    const h = await headers();
    await acceptInvite(db(), parsed.data.token, parsed.data.password, new Date(), {
      ip: clientIpFrom(h),
      requestId: h.get("x-request-id"),
    });
  } catch (error) {
    if (error instanceof AppError)
      return error.fieldErrors ? { fieldErrors: error.fieldErrors } : { message: error.message };
    throw error;
  }
  redirect("/login?invited=1");
}
