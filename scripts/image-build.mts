// The container image's build steps: the Dockerfile runs exactly this, and so does a test (tests/real-kube/deploy.test.ts)
// on the build `npm test` has already made, so the image's contents are tested where no image can be built.
//   tsx scripts/image-build.mts <out>
// builds the console unless its build is current (lib/setup/build.ts), then assembles <out>, the image's /app:
// Next's standalone output (the server with the node_modules it traces), the static assets, scripts/serve.mjs as
// the entry, and what the init container's `prisma migrate deploy` needs (the CLI and its dependencies from
// package-lock.json, prisma/, prisma.config.ts and the one module it imports). Nothing in <out> is written at run
// time except <distDir>/cache, which the Deployment mounts as an emptyDir: the root filesystem can be read-only.
import { cpSync, existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ensureBuilt } from "../lib/setup/build.ts";

const out = process.argv[2];
if (!out) {
  console.error("usage: tsx scripts/image-build.mts <out>");
  process.exit(2);
}
const distDir = process.env.TENANTRY_NEXT_DIST_DIR || ".next";
if (!ensureBuilt({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" })) process.exit(1);
const standalone = join(distDir, "standalone");
if (!existsSync(join(standalone, "server.js"))) {
  console.error(`${standalone} is missing: the build has no standalone output (next.config.ts output: "standalone")`);
  process.exit(1);
}

const copy = (from: string, to = from) => cpSync(from, join(out, to), { recursive: true, verbatimSymlinks: true });
rmSync(out, { recursive: true, force: true });
cpSync(standalone, out, { recursive: true, verbatimSymlinks: true });
// scripts/serve.mjs replaces Next's server.js: it tells route handlers the TCP peer, serves the audit webhook's
// TLS port and drains on SIGTERM.
rmSync(join(out, "server.js"));
rmSync(join(out, distDir, "cache"), { recursive: true, force: true });
copy(join(distDir, "static"));
copy("public");
copy("scripts/serve.mjs");
// readyz compares the applied migrations with the ones this build ships (lib/setup/readiness.ts).
copy("prisma/schema.prisma");
copy("prisma/migrations");
copy("prisma.config.ts");
copy("lib/db/connection.ts");
// Whole packages, over any part of them Next's trace already brought.
for (const dir of packageClosure(["prisma", "@prisma/adapter-pg", "pg"])) copy(dir);
console.log(`image contents in ${out}`);

/** The installed directories of `names` and of everything they depend on (not optional peers), from package-lock.json. */
function packageClosure(names: string[]): Set<string> {
  type Entry = { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; peerDependencies?: Record<string, string>; peerDependenciesMeta?: Record<string, { optional?: boolean }> };
  const lock = JSON.parse(readFileSync("package-lock.json", "utf8")).packages as Record<string, Entry>;
  const found = new Set<string>();
  // Node's resolution: the nearest node_modules/<name> from the dependent's directory up to the root.
  const visit = (name: string, from: string) => {
    for (let base = from; ; base = base.slice(0, Math.max(0, base.lastIndexOf("/node_modules/")))) {
      const dir = `${base ? `${base}/` : ""}node_modules/${name}`;
      if (lock[dir]) {
        if (found.has(dir) || !existsSync(dir)) return;
        found.add(dir);
        const p = lock[dir];
        const peers = Object.keys(p.peerDependencies ?? {}).filter((d) => !p.peerDependenciesMeta?.[d]?.optional);
        for (const d of [...Object.keys(p.dependencies ?? {}), ...Object.keys(p.optionalDependencies ?? {}), ...peers]) visit(d, dir);
        return;
      }
      if (!base) return;
    }
  };
  for (const name of names) visit(name, "");
  return found;
}
