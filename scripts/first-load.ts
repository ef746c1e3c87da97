// Each route's first-load JavaScript in a `next build`: the chunks a cold visit downloads, as Next's own
// route-bundle-stats.json lists them, gzip-compressed. Used by `npm run check:bundle` and bench/bundle.bench.mts.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export const bundleStatsFile = (dist: string) => join(dist, "diagnostics", "route-bundle-stats.json");

/** Every route's first-load JavaScript in kB (gzip), largest first; undefined when `dist` holds no build. */
export function firstLoadJs(dist: string): { route: string; kb: number }[] | undefined {
  const file = bundleStatsFile(dist);
  if (!existsSync(file)) return undefined;
  const stats = JSON.parse(readFileSync(file, "utf8")) as { route: string; firstLoadChunkPaths: string[] }[];
  const gzipped = new Map<string, number>();
  const sizeOf = (path: string) => {
    if (!gzipped.has(path)) gzipped.set(path, gzipSync(readFileSync(path), { level: 9 }).length);
    return gzipped.get(path)!;
  };
  return stats
    .filter((s) => !s.route.startsWith("/_"))
    .map((s) => ({ route: s.route, kb: s.firstLoadChunkPaths.reduce((n, p) => n + sizeOf(p), 0) / 1024 }))
    .sort((a, b) => b.kb - a.kb);
}
