import { notFound } from "next/navigation";
import { benchEnabled } from "@/lib/web/bench";

export const dynamic = "force-dynamic";

/**
 * An empty App Router page under the root layout: the first-load JavaScript every page of this build pays, which
 * bench/bundle.bench.mts compares each route's with. Not a page for users: a 404 unless benchmarking.
 */
export default function BenchEmpty() {
  if (!benchEnabled()) notFound();
  return null;
}
