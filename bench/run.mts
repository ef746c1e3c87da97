// `npm run bench [name…]`: runs each bench/*.bench.mts in turn (or only those named); each prints its own table.
import { readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { SERVER_NODE_FLAGS } from "../scripts/server-flags.ts";

const only = process.argv.slice(2);
const files = readdirSync(new URL(".", import.meta.url))
  .filter((f) => f.endsWith(".bench.mts"))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();
let failed = 0;
for (const f of files) {
  console.log(`\n== ${f.replace(".bench.mts", "")} ==`);
  // With the console server's Node flags: the audit bench runs the webhook's ingest and the searches in its own process.
  const r = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, "--import", "tsx", `bench/${f}`], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
