// Benchmarks leave the tree as they found it (#18): their build into benchDistDir() must not rewrite tracked
// files. What did was Next's TypeScript setup, which adds `<distDir>/types/**` to tsconfig.json's include;
// `next typegen` runs that same setup (verifyTypeScriptSetup, as `next build` does) in about a second.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { afterAll, expect, it } from "vitest";
import { benchDistDir } from "./build";

const git = (...args: string[]) => spawnSync("git", args, { encoding: "utf8" }).stdout;
const dist = benchDistDir();

afterAll(() => rmSync(dist, { recursive: true, force: true }));

it(`a build into ${dist} leaves tsconfig.json and every other tracked file unchanged`, () => {
  const before = git("status", "--porcelain", "--untracked-files=no");
  const tsconfig = git("hash-object", "tsconfig.json");
  const r = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "typegen"], {
    encoding: "utf8",
    env: { ...process.env, TENANTRY_NEXT_DIST_DIR: dist },
  });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toContain("Types generated");
  expect(git("hash-object", "tsconfig.json")).toBe(tsconfig);
  expect(git("status", "--porcelain", "--untracked-files=no")).toBe(before);
}, 60_000);
