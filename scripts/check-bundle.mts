// `npm run check:bundle`: after `next build`, every route's first-load JavaScript (the chunks a cold visit
// downloads, as Next's own route-bundle-stats.json lists them) must stay within the budget, gzip-compressed.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_KB = Number(process.env.BUNDLE_BUDGET_KB ?? 200);
const dist = process.env.TENANTRY_NEXT_DIST_DIR || ".next";
const statsFile = join(dist, "diagnostics", "route-bundle-stats.json");
if (!existsSync(statsFile)) {
  console.error(`${statsFile} not found: run \`npm run build\` first (with the same TENANTRY_NEXT_DIST_DIR).`);
  process.exit(2);
}

interface RouteStats {
  route: string;
  firstLoadChunkPaths: string[];
}
const stats = JSON.parse(readFileSync(statsFile, "utf8")) as RouteStats[];
const gzipped = new Map<string, number>();
const sizeOf = (path: string) => {
  if (!gzipped.has(path)) gzipped.set(path, gzipSync(readFileSync(path), { level: 9 }).length);
  return gzipped.get(path)!;
};

const rows = stats
  .filter((s) => !s.route.startsWith("/_"))
  .map((s) => ({ route: s.route, kb: s.firstLoadChunkPaths.reduce((n, p) => n + sizeOf(p), 0) / 1024 }))
  .sort((a, b) => b.kb - a.kb);
const width = Math.max(...rows.map((r) => r.route.length));
console.log(`${"route".padEnd(width)}  first-load JS (gzip)   budget ${BUDGET_KB} kB`);
for (const r of rows) console.log(`${r.route.padEnd(width)}  ${r.kb.toFixed(1).padStart(8)} kB ${r.kb > BUDGET_KB ? "  OVER" : ""}`);
const over = rows.filter((r) => r.kb > BUDGET_KB);
if (over.length) {
  console.error(`\n${over.length} route(s) over the ${BUDGET_KB} kB budget.`);
  process.exit(1);
}
console.log(`\nAll ${rows.length} routes within ${BUDGET_KB} kB (largest ${rows[0]?.kb.toFixed(1)} kB).`);
