// The console's production build (`next build` into TENANTRY_NEXT_DIST_DIR, default .next), made only when the
// sources changed since the last one: the build holds a stamp with the fingerprint of what it was built from.
// `npm run demo`, the end-to-end tests and the replicas test share it, so `npm test` builds once.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildFingerprint } from "./fingerprint";

/** Builds unless the build is current; false when `next build` failed. */
export function ensureBuilt(env: NodeJS.ProcessEnv = process.env): boolean {
  const stampFile = join(env.TENANTRY_NEXT_DIST_DIR || ".next", "tenantry-build.json");
  const fingerprint = buildFingerprint(process.cwd());
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === fingerprint) return true;
  console.log("Building the console (first start or changed sources)…");
  const b = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env });
  if (b.status !== 0) return false;
  writeFileSync(stampFile, fingerprint);
  return true;
}
