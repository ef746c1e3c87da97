import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const SOURCES = ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.ts", "package-lock.json", "postcss.config.mjs"];

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
