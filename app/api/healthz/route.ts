import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** Liveness and readiness in one: 200 when the app can reach its database. */
export async function GET() {
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: "up" });
  } catch {
    return Response.json({ status: "unavailable", database: "down" }, { status: 503 });
  }
}
