import { readFileSync } from "node:fs";
import { benchEnabled } from "@/lib/web/bench";

export const dynamic = "force-dynamic";

let body: unknown;

/**
 * The limit an authorised read route is measured against: a bare handler answering the same JSON (read once from
 * the file TENANTRY_BENCH_BODY names) from the same server process, with no session, authorisation or database.
 * A 404 unless benchmarking (lib/web/bench.ts).
 */
export function GET() {
  if (!benchEnabled()) return new Response(null, { status: 404 });
  body ??= process.env.TENANTRY_BENCH_BODY ? JSON.parse(readFileSync(process.env.TENANTRY_BENCH_BODY, "utf8")) : {};
  return Response.json(body);
}
