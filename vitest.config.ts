import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const alias = { "@": fileURLToPath(new URL(".", import.meta.url)), "server-only": fileURLToPath(new URL("./tests/support/empty.ts", import.meta.url)) };

// Integration and real-cluster tests: one test database (prepared by the global setup), one file at a time.
const databaseTests = {
  environment: "node" as const,
  globalSetup: ["tests/support/global-setup.ts"],
  setupFiles: ["tests/support/env.ts"],
  fileParallelism: false,
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        // Some unit tests read the whole source tree (message catalogue, route tables): seconds on a busy machine.
        test: { name: "unit", include: ["{lib,sim,components,app,scripts,bench,deploy}/**/*.test.{ts,tsx}"], environment: "node", testTimeout: 30_000 },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/real-kube/**", "tests/replicas/**"],
          ...databaseTests,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "real-kube",
          // Needs ../shared/kube/realkube: run by `npm run test:real-kube` only.
          include: ["tests/real-kube/**/*.test.ts"],
          ...databaseTests,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "replicas",
          // Three production servers behind HAProxy on a database of their own: `npm run test:replicas` only,
          // after the end-to-end suite made the build.
          include: ["tests/replicas/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 900_000,
        },
      },
    ],
  },
});
