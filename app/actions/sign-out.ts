"use server";

import { signOut } from "@/server/auth/config";

/** Ends the session server-side (the UserSession row is revoked in the signOut event) and clears the cookie. */
export async function signOutAction() {
  await signOut({ redirectTo: "/login?signed-out=1" });
}
