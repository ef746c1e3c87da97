import { mkdtempSync, mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildFingerprint } from "./fingerprint";

describe("the build fingerprint", () => {
  it("changes with every file next build compiles by name, so the demo never serves a stale proxy or instrumentation", () => {
    const root = mkdtempSync(join(tmpdir(), "tenantry-fingerprint-"));
    mkdirSync(join(root, "app"));
    const files = ["app/page.tsx", "proxy.ts", "instrumentation.ts", "next.config.ts", "tsconfig.json"];
    for (const f of files) writeFileSync(join(root, f), "export {};\n");
    let before = buildFingerprint(root);
    for (const f of files) {
      utimesSync(join(root, f), new Date(), new Date(Date.now() + 60_000));
      const after = buildFingerprint(root);
      expect(after, f).not.toBe(before);
      before = after;
    }
  });
});
