// oidc-provider ships no types; the tests use this much of it (tests/helpers/oidc-provider.ts)
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";
  type KoaContext = { path: string; method: string; body: unknown; status: number };
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    proxy: boolean;
    use(middleware: (ctx: KoaContext, next: () => Promise<void>) => Promise<void>): void;
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }
}
