import { z } from "zod";
import { ZEmailSchema } from "./common";

/** Email and password sign-in: the login form and the credentials provider check the same rules. */
export const ZCredentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address").max(254),
  password: z.string().min(1, "Enter your password").max(200),
});

/** A customer asks for a one-time sign-in link. */
export const ZMagicLinkSchema = z.object({ email: ZEmailSchema });

/**
 * What a sign-in or password Server Action answers when it refuses: the message and the per-field
 * messages, read on the client by readError like a refused tRPC call (docs/architecture.md#one-way-for-each-thing).
 */
export type ActionRefusal = { message?: string; fieldErrors?: Record<string, string> };
