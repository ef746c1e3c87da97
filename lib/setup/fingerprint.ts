import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

// Everything `next build` compiles or reads: the app's folders, and the top-level files Next picks up by name
// (proxy.ts runs before every request, instrumentation.ts at start; a stale build of either ran old code).
const SOURCES = ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.ts", "proxy.ts", "instrumentation.ts", "tsconfig.json", "package-lock.json", "postcss.config.mjs"];

/** Changes whenever a source the console is built from changes (paths, sizes and modification times). */
export function buildFingerprint(root: string): string {
  const hash = createHash("sha256");
  const visit = (path: string) => {
    let st;
    try {
      st = statSync(path);
    } catch {
      return;
    }
    if (st.isDirectory()) for (const entry of readdirSync(path).sort()) visit(join(path, entry));
    else hash.update(`${path}:${st.size}:${st.mtimeMs}\n`);
  };
  for (const s of SOURCES) visit(join(root, s));
  return hash.digest("hex");
}
