import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { generateKeyPairSync, sign } from "node:crypto";
import Provider from "oidc-provider";

/**
 * A real OpenID Provider (the certified `oidc-provider` package) on 127.0.0.1 for the single sign-on tests
 * (docs/security.md#single-sign-on). Anyone may log in at its own dev pages with any login; the login is the
 * account id, and an account's email is the login itself. `tamper` makes the token endpoint answer with an
 * ID token re-signed with the provider's own key but for another audience or already expired — what a
 * misconfigured or hostile provider, or a token meant for another application, looks like to Onward.
 */
export type OidcTestClient = { client_id: string; client_secret: string; redirect_uris: string[] };
export type Tamper = "audience" | "expired" | null;

export type TestProvider = {
  issuer: string;
  setTamper(next: Tamper): void;
  close(): Promise<void>;
};

export async function startOidcProvider(clients: OidcTestClient[]): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: "test-key", alg: "RS256", use: "sig" };

  const provider = new Provider(issuer, {
    clients: clients.map((c) => ({
      ...c,
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    })),
    jwks: { keys: [jwk] },
    cookies: { keys: ["test-cookie-key-0123456789"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // the ID token carries the email (Onward reads it there, not from userinfo)
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    ttl: { IdToken: 300, AccessToken: 300, AuthorizationCode: 60, Interaction: 600, Session: 600, Grant: 600 },
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({ sub: id, email: id, email_verified: true, name: `Test ${id.split("@")[0]}` }),
    }),
  });

  let tamper: Tamper = null;
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path !== "/token" || !tamper || !body?.id_token) return;
    const claims = JSON.parse(Buffer.from(body.id_token.split(".")[1] ?? "", "base64url").toString()) as Record<
      string,
      unknown
    >;
    const now = Math.floor(Date.now() / 1000);
    const changed =
      tamper === "audience"
        ? { ...claims, aud: "another-application" }
        : { ...claims, iat: now - 3600, exp: now - 1800 };
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const input = `${part({ alg: "RS256", kid: "test-key" })}.${part(changed)}`;
    body.id_token = `${input}.${sign("sha256", Buffer.from(input), privateKey).toString("base64url")}`;
  });
  server.on("request", provider.callback());

  return {
    issuer,
    setTamper: (next) => {
      tamper = next;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Signs in at the provider's own dev pages the way a browser would (cookies kept, redirects followed by hand)
 * and returns the URL it finally sends the browser to: Onward's callback with the code and state.
 */
export async function loginAtProvider(authorizationUrl: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair?.indexOf("=") ?? -1;
      if (pair && eq > 0) jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  let url = new URL(authorizationUrl);
  const origin = url.origin;
  for (let step = 0; step < 12; step++) {
    if (url.origin !== origin) return url;
    let response: Response;
    const interaction = /^\/interaction\/([^/]+)$/.exec(url.pathname);
    if (interaction) {
      const page = await fetch(url, { headers: { cookie: cookie() }, redirect: "manual" });
      keep(page);
      const html = await page.text();
      const prompt = html.includes('name="login"') ? "login" : "consent";
      const form = new URLSearchParams(prompt === "login" ? { prompt, login, password: "any" } : { prompt });
      response = await fetch(url, {
        method: "POST",
        headers: { cookie: cookie(), "content-type": "application/x-www-form-urlencoded" },
        body: form,
        redirect: "manual",
      });
    } else {
      response = await fetch(url, { headers: { cookie: cookie() }, redirect: "manual" });
    }
    keep(response);
    const location = response.headers.get("location");
    if (!location)
      throw new Error(`the provider stopped at ${url.pathname} with ${response.status}: ${await response.text()}`);
    url = new URL(location, url);
  }
  throw new Error("too many redirects at the provider");
}
