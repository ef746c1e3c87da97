// next-auth: local accounts through a credentials provider (fields `username`, `password`), JWT sessions.
// Every request re-reads the user (lib/auth/session.ts), so disabling an account takes effect at once.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "../db/client";
import { record } from "../audit/record";
import { verifyPassword } from "./password";
import { clientInfo } from "../api/client-info";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Tenantry account",
      credentials: {
        username: { label: "Username", type: "text" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        const username = String(credentials?.username ?? "").trim().toLowerCase();
        const password = String(credentials?.password ?? "");
        const user = username ? await db().user.findUnique({ where: { username } }) : null;
        const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
        const ok = passwordOk && user?.status === "active";
        const { sourceIp, userAgent } = clientInfo(new Headers(req?.headers as Record<string, string>));
        await record({
          action: "login",
          verb: "create",
          resource: "sessions",
          username: username || null,
          outcome: ok ? "success" : "denied",
          statusCode: ok ? 200 : 401,
          reason: ok ? null : user?.status === "disabled" && passwordOk ? "account disabled" : "invalid username or password",
          sourceIp,
          userAgent,
        });
        if (!ok || !user) return null;
        await db().user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
        return { id: user.id, name: user.username };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (session.user) Object.assign(session.user, { id: token.uid });
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      await record({ action: "logout", verb: "delete", resource: "sessions", username: token?.name ?? null, outcome: "success", statusCode: 200 });
    },
  },
};
