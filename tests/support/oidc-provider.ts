// A real OpenID Provider (the `oidc-provider` package) on 127.0.0.1 for tests: one confidential
// client, accounts with groups, and its development login and consent pages (any password works).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export interface OidcAccount {
  email?: string;
  name?: string;
  groups: string[];
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  stop(): Promise<void>;
}

/** `userinfoOnly` names claims left out of the ID token, as some providers do, so only userinfo has them. */
export async function startOidcProvider(opts: { redirectUri: string; accounts: Record<string, OidcAccount>; userinfoOnly?: string[] }): Promise<TestOidcProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "tenantry";
  const clientSecret = "tenantry-test-client-secret";
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [opts.redirectUri], grant_types: ["authorization_code"], response_types: ["code"] }],
    claims: { openid: ["sub"], email: ["email"], profile: ["name", "preferred_username"], groups: ["groups"] },
    scopes: ["openid", "email", "profile", "groups"],
    // Every claim of the granted scopes goes into the ID token too, but for those in `userinfoOnly`.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, id) {
      const account = opts.accounts[id];
      if (!account) return undefined;
      const all: Record<string, unknown> = { sub: id, preferred_username: id, email: account.email, name: account.name, groups: account.groups };
      return {
        accountId: id,
        claims: (use) => (use === "id_token" ? Object.fromEntries(Object.entries(all).filter(([k]) => !opts.userinfoOnly?.includes(k))) : all),
      };
    },
  });
  server.on("request", provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
