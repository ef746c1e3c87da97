// next-auth: local accounts through a credentials provider (fields `username`, `password`), JWT sessions
// whose cookie carries a server-side session id (lib/identity/sessions.ts) so sessions can be listed,
// time out when idle and be revoked. Identity providers from the database are added per request
// (lib/auth/providers.ts); getServerSession() needs only what is here.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { clientInfo } from "../api/client-info";
import { secureCookies } from "../api/public-origin";
import { record } from "../audit/record";
import { endSession, openSession } from "../identity/sessions";
import { identityConfig } from "../identity/config";
import { LOCAL_PROVIDER, signInLocal } from "./local";
import { databaseProviders, OIDC_PREFIX, oidcSignIn } from "./providers";

async function requestMeta() {
  try {
    return clientInfo(await headers());
  } catch {
    return { sourceIp: null, userAgent: null };
  }
}

export const localProvider = CredentialsProvider({
  id: "credentials",
  name: "Tenantry account",
  credentials: {
    username: { label: "Username", type: "text" },
    password: { label: "Password", type: "password" },
  },
  async authorize(credentials, req) {
    const meta = clientInfo(new Headers(req?.headers as Record<string, string>));
    const user = await signInLocal(String(credentials?.username ?? ""), String(credentials?.password ?? ""), meta);
    return user ? { id: user.id, name: user.username, provider: LOCAL_PROVIDER } : null;
  },
});

export const authOptions: NextAuthOptions = {
  // The JWT outlives neither the absolute session lifetime nor the server-side row, which is checked on every request.
  session: { strategy: "jwt", maxAge: Math.ceil(identityConfig().sessionMaxMs / 1000) },
  useSecureCookies: secureCookies(),
  pages: { signIn: "/login", error: "/login" },
  providers: [localProvider],
  callbacks: {
    async signIn({ user, account, profile }) {
      if (!account?.provider.startsWith(OIDC_PREFIX)) return true;
      return oidcSignIn(user, account, (profile ?? {}) as Record<string, unknown>, await requestMeta());
    },
    async jwt({ token, user }) {
      if (user) {
        const provider = (user as { provider?: string }).provider ?? LOCAL_PROVIDER;
        const session = await openSession(user.id, provider, await requestMeta());
        Object.assign(token, { uid: user.id, sid: session.id, name: user.name });
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) Object.assign(session.user, { id: token.uid, sid: token.sid });
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await endSession(token.sid);
      await record({ action: "logout", verb: "delete", resource: "sessions", username: token?.name ?? null, outcome: "success", statusCode: 200 });
    },
  },
};

/** The options for next-auth's own routes: local accounts plus the enabled identity providers. */
export async function authOptionsWithProviders(): Promise<NextAuthOptions> {
  return { ...authOptions, providers: [localProvider, ...(await databaseProviders())] };
}
