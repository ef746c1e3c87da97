export const dynamic = "force-dynamic";

/** Liveness: the process answers. Whether it should get traffic is /api/readyz (database, migrations, draining). */
export function GET() {
  return Response.json({ status: "ok" });
}
