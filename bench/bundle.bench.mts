// First-load JavaScript of each route (#18) beside an empty App Router page of the same build (/bench-empty,
// app/(bench)/bench-empty: the root layout and nothing else), gzip-compressed as `npm run check:bundle` counts it.
// Reads the production build in TENANTRY_NEXT_DIST_DIR (default .next-bench), building it when it is missing or
// stale, so it measures the tree as it is.
import { ensureBuilt } from "../lib/setup/build";
import { firstLoadJs } from "../scripts/first-load";
import { benchDistDir } from "./support/build";
import { atMostTimes, comparisonTable, printReport } from "./support/report";

const dist = benchDistDir();
if (!ensureBuilt({ ...process.env, TENANTRY_NEXT_DIST_DIR: dist, NEXT_TELEMETRY_DISABLED: "1" })) process.exit(1);
const routes = firstLoadJs(dist)!;
const empty = routes.find((r) => r.route === "/bench-empty");
if (!empty) throw new Error(`${dist} has no /bench-empty page to compare with`);

printReport({
  title: "First-load JavaScript beside an empty page of the same build",
  scale: `${routes.length - 1} routes of the production build in ${dist}; the empty page (root layout only) loads ${empty.kb.toFixed(1)} kB`,
  tables: [
    comparisonTable(
      routes.filter((r) => r !== empty).map((r) => ({ measure: r.route, unit: "kB", runs: [{ ours: r.kb, limit: empty.kb }], target: atMostTimes(1.5), digits: 1 })),
    ),
  ],
});
