// The first platform admin of an installation without the demo launcher (a Kubernetes Deployment, `npm start`):
// with TENANTRY_ADMIN_PASSWORD set, the server creates `admin` at start unless that user exists, as Argo CD's
// initial admin Secret does. Replicas starting together create it once (the name is unique); a password changed
// later in the console is never reset from the environment.
import { Prisma } from "@prisma/client";
import { db } from "../db/client";
import { hashPassword } from "../auth/password";

/** True when `admin` was created now. */
export async function ensureInitialAdmin(password = process.env.TENANTRY_ADMIN_PASSWORD): Promise<boolean> {
  if (!password || (await db().user.findUnique({ where: { username: "admin" }, select: { id: true } }))) return false;
  try {
    await db().user.create({ data: { username: "admin", displayName: "Platform admin", platformRole: "platform-admin", passwordHash: await hashPassword(password) } });
    return true;
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") return false;
    throw err;
  }
}
