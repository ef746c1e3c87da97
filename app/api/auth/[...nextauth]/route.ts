import NextAuth from "next-auth";
import { authOptionsWithProviders } from "@/lib/auth/options";

// Options are built per request: identity providers live in the database and may change at any time.
async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(req as never, ctx as never, await authOptionsWithProviders());
}
export { handler as GET, handler as POST };
