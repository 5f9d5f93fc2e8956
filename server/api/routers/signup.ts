import { serverEnv, signupMode } from "@/lib/env";
import { ZCheckSlugSchema, ZSignupSchema } from "@/lib/schemas/signup";
import { checkSlug, submitSignup } from "@/server/services/signup";
import { createTRPCRouter, publicProcedure, type TRPCContext } from "../trpc";

/**
 * Self-serve workspace sign-up (docs/signup.md): no sign-in. The live slug check answers only
 * available / taken / reserved / invalid; submitting always answers "check your inbox". Both refuse
 * (403) when the operator closed sign-up. Verifying the emailed link is the /signup/verify page's action.
 */
const publicContext = (ctx: TRPCContext) => ({ db: ctx.db, ip: ctx.ip, requestId: ctx.requestId, now: ctx.now() });

export const signupRouter = createTRPCRouter({
  checkSlug: publicProcedure
    .input(ZCheckSlugSchema)
    .query(({ ctx, input }) => checkSlug(publicContext(ctx), input.slug, signupMode())),
  submit: publicProcedure
    .input(ZSignupSchema)
    .mutation(({ ctx, input }) => submitSignup(publicContext(ctx), input, signupMode(), serverEnv().APP_URL)),
});
