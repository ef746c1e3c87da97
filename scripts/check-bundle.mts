// `npm run check:bundle`: after `next build`, every route's first-load JavaScript (the chunks a cold visit
// downloads, as Next's own route-bundle-stats.json lists them) must stay within the budget, gzip-compressed.
import { bundleStatsFile, firstLoadJs } from "./first-load.ts";

const BUDGET_KB = Number(process.env.BUNDLE_BUDGET_KB ?? 200);
const dist = process.env.TENANTRY_NEXT_DIST_DIR || ".next";
const rows = firstLoadJs(dist);
if (!rows) {
  console.error(`${bundleStatsFile(dist)} not found: run \`npm run build\` first (with the same TENANTRY_NEXT_DIST_DIR).`);
  process.exit(2);
}

const width = Math.max(...rows.map((r) => r.route.length));
console.log(`${"route".padEnd(width)}  first-load JS (gzip)   budget ${BUDGET_KB} kB`);
for (const r of rows) console.log(`${r.route.padEnd(width)}  ${r.kb.toFixed(1).padStart(8)} kB ${r.kb > BUDGET_KB ? "  OVER" : ""}`);
const over = rows.filter((r) => r.kb > BUDGET_KB);
if (over.length) {
  console.error(`\n${over.length} route(s) over the ${BUDGET_KB} kB budget.`);
  process.exit(1);
}
console.log(`\nAll ${rows.length} routes within ${BUDGET_KB} kB (largest ${rows[0]?.kb.toFixed(1)} kB).`);
