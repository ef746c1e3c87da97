import { createHash, timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db/client";
import { metrics } from "@/lib/observe/metrics";

export const dynamic = "force-dynamic";

const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * Prometheus metrics of this replica. Only with the bearer token in TENANTRY_METRICS_TOKEN; unset, metrics are
 * off and the path is a 404, so a console without one says nothing about itself.
 */
export async function GET(req: Request) {
  const expected = process.env.TENANTRY_METRICS_TOKEN;
  if (!expected) return new Response(null, { status: 404 });
  const presented = req.headers.get("authorization")?.match(/^Bearer\s+(\S+)\s*$/i)?.[1] ?? "";
  if (!timingSafeEqual(digest(presented), digest(expected))) {
    return new Response("A valid metrics token is required.\n", { status: 401, headers: { "www-authenticate": 'Bearer realm="tenantry-metrics"' } });
  }
  const m = metrics();
  m.sources.clusters ??= async () => (await db().cluster.findMany({ select: { name: true, health: true } })).map((c) => ({ cluster: c.name, up: c.health === "ready" }));
  return new Response(await m.registry.metrics(), { headers: { "content-type": m.registry.contentType, "cache-control": "no-store" } });
}
