import { readiness } from "@/lib/setup/readiness";

export const dynamic = "force-dynamic";

/** Readiness: 200 when this replica can serve (lib/setup/readiness.ts), else 503 with the reason. */
export async function GET() {
  const r = await readiness();
  return Response.json(r, { status: r.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}
