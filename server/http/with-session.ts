import { currentUser } from "@/server/auth/current-user";
import { can, type Permission } from "@/domain/access/permissions";
import type { SessionUser } from "@/server/auth/session-user";
import { db } from "@/server/db/client";
import type { ServiceContext } from "@/server/services/context";
import { clientIpFrom } from "./client-ip";
import { guarded, problem, type Refuse } from "./rest";
import { crossSite } from "./same-origin";
import { blockedUntilTwoFactor, TWO_FACTOR_SETUP_MESSAGE } from "@/server/auth/two-factor-gate";

/**
 * The one way a cookie-authenticated route handler starts (docs/architecture.md#access-checks): it reads
 * the signed-in user, checks the permission (401 signed out, 403 without it), refuses cross-site writes,
 * builds the service context with the caller's IP and the request id, and maps what the body throws.
 *
 * Access is a permission, or `{ staff, customer }` for routes both sides use: staff need `staff`, a
 * customer needs `customer` and a linked account, and the handler gets that account id to scope by
 * (null for staff). `"public"` needs nobody signed in and gets no context (the logo, the health check).
 */
export type SessionAccess = Permission | { staff: Permission; customer: Permission } | "public";

type Params = Record<string, string>;
type RouteContext<P extends Params> = { params: Promise<P> };

export type SessionCall<P extends Params> = {
  request: Request;
  params: P;
  ctx: ServiceContext;
  user: SessionUser;
  /** the customer's own account when a customer calls a `{ staff, customer }` route; null for staff */
  customerAccountId: string | null;
};
export type PublicCall<P extends Params> = { request: Request; params: P; requestId: string };

type Options = {
  /** how refusals look (default: JSON problem details) */
  refuse?: Refuse;
  /** the sentence after "Sign in" on a 401 */
  signIn?: string;
};

const NO_PARAMS = Promise.resolve({});
type Answer = Response | Promise<Response>;

export function withSession<P extends Params = Params>(
  access: "public",
  handler: (call: PublicCall<P>) => Answer,
  options?: Options,
): (request: Request, route?: RouteContext<P>) => Promise<Response>;
export function withSession<P extends Params = Params>(
  access: Exclude<SessionAccess, "public">,
  handler: (call: SessionCall<P>) => Answer,
  options?: Options,
): (request: Request, route?: RouteContext<P>) => Promise<Response>;
export function withSession<P extends Params>(
  access: SessionAccess,
  handler: ((call: PublicCall<P>) => Answer) | ((call: SessionCall<P>) => Answer),
  options: Options = {},
) {
  const refuse = options.refuse ?? problem;
  return (request: Request, route?: RouteContext<P>) =>
    guarded(request, refuse, async (requestId) => {
      const params = (await (route?.params ?? NO_PARAMS)) as P;
      if (access === "public") return (handler as (call: PublicCall<P>) => Answer)({ request, params, requestId });
      const user = await currentUser();
      if (!user) return refuse(401, options.signIn ?? "Sign in to continue.", {});
      const customer = typeof access === "object" && can(user.role, access.customer);
      const allowed = customer || can(user.role, typeof access === "object" ? access.staff : access);
      if (!allowed) return refuse(403, "You do not have access to this.", {});
      if (blockedUntilTwoFactor(user, typeof access === "object" ? access.staff : access))
        return refuse(403, TWO_FACTOR_SETUP_MESSAGE, {});
      if (customer && !user.customerAccountId) return refuse(403, "Your user is not linked to a customer account.", {});
      if (request.method !== "GET" && request.method !== "HEAD" && crossSite(request))
        return refuse(403, "Cross-site requests are not accepted. Open Onward itself and try again.", {});
      const ctx: ServiceContext = {
        db: db(),
        tenantId: user.tenantId,
        actorId: user.id,
        ip: clientIpFrom(request.headers),
        requestId,
        now: new Date(),
      };
      return (handler as (call: SessionCall<P>) => Answer)({
        request,
        params,
        ctx,
        user,
        customerAccountId: customer ? user.customerAccountId : null,
      });
    });
}
