// next-auth providers for the identity providers in the database: OIDC (authorization code + PKCE,
// endpoints from discovery) and LDAP (a credentials form per directory). Built per auth request so
// a provider an admin adds works at once on every replica.
import type { Account, Profile, User as AuthUser } from "next-auth";
import type { OAuthConfig, Provider } from "next-auth/providers/index";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "../db/client";
import { clientInfo } from "../api/client-info";
import { oidcConfigOf, secretOf, type ProviderRow } from "../identity/providers";
import { mapExternalUser } from "../identity/external";
import { noteAttempt, withinSignInRate, type ClientMeta } from "../identity/attempts";
import { signInLdap } from "../identity/ldap";
import { oidcClaims, type ClaimsSource } from "../identity/oidc-claims";

export const OIDC_PREFIX = "oidc-";
export const LDAP_PREFIX = "ldap-";

function oidcProvider(p: ProviderRow): OAuthConfig<Profile & Record<string, unknown>> {
  const c = oidcConfigOf(p);
  return {
    id: OIDC_PREFIX + p.name,
    name: p.displayName || p.name,
    type: "oauth",
    wellKnown: `${c.issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: c.clientId,
    clientSecret: secretOf(p),
    authorization: { params: { scope: c.scopes } },
    checks: ["pkce", "state"],
    idToken: true,
    // next-auth types the token set as plain parameters; at run time it is openid-client's TokenSet.
    userinfo: { request: (ctx) => oidcClaims(ctx as unknown as ClaimsSource) },
    profile: (claims) => ({ id: String(claims.sub), name: String(claims[c.usernameClaim] ?? claims.sub) }),
  };
}

function ldapProvider(p: ProviderRow): Provider {
  return CredentialsProvider({
    id: LDAP_PREFIX + p.name,
    name: p.displayName || p.name,
    credentials: { username: { label: "Username", type: "text" }, password: { label: "Password", type: "password" } },
    async authorize(credentials, req) {
      const meta = clientInfo(new Headers(req?.headers as Record<string, string>));
      const user = await signInLdap(p, String(credentials?.username ?? ""), String(credentials?.password ?? ""), meta);
      return user ? { id: user.id, name: user.username, provider: p.name } : null;
    },
  });
}

export async function databaseProviders(): Promise<Provider[]> {
  const rows = await db().identityProvider.findMany({ where: { enabled: true } });
  return rows.map((p) => (p.type === "oidc" ? oidcProvider(p) : ldapProvider(p)));
}

const claimList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === "string" ? [v] : []);

/** next-auth's signIn callback for OIDC: map the claims to a Tenantry user (or refuse), recording the attempt. */
export async function oidcSignIn(user: AuthUser, account: Account, claims: Record<string, unknown>, meta: ClientMeta): Promise<boolean> {
  const p = await db().identityProvider.findUnique({ where: { name: account.provider.slice(OIDC_PREFIX.length) } });
  if (!p || p.type !== "oidc") return false;
  const c = oidcConfigOf(p);
  const username = String(claims[c.usernameClaim] ?? "");
  if (!(await withinSignInRate(meta))) {
    await noteAttempt({ user: null, username, provider: p.name, reason: "rate limited", meta });
    return false;
  }
  const result = await mapExternalUser(p, {
    username,
    externalId: claims.sub ? String(claims.sub) : "",
    email: claims[c.emailClaim] ? String(claims[c.emailClaim]) : null,
    displayName: claims[c.nameClaim] ? String(claims[c.nameClaim]) : null,
    groups: claimList(claims[c.groupsClaim]),
  });
  await noteAttempt({ user: result.user, username, provider: p.name, reason: result.reason, meta });
  if (result.reason !== null) return false;
  // The JWT callback that follows receives this same object: make it our user.
  Object.assign(user, { id: result.user.id, name: result.user.username, provider: p.name });
  return true;
}
