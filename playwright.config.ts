import { defineConfig } from "@playwright/test";
import { tmpdir } from "node:os";
import { join } from "node:path";

// One fresh demo (embedded database, two simulated clusters) per run. Workers inherit these variables.
process.env.E2E_DATA_DIR ??= join(tmpdir(), `tenantry-e2e-${Date.now()}`);
process.env.E2E_ADMIN_PASSWORD ??= "e2e-admin-password-1";
process.env.E2E_DEMO_PASSWORD ??= "e2e-demo-password-1";
const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "e2e",
  // The journey on a real API server needs one: only `npm run test:real-kube` (which sets the switch) runs it.
  testIgnore: process.env.TENANTRY_TEST_REALKUBE ? [] : ["real-cluster.spec.ts"],
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        browserName: "chromium",
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        },
      },
    },
  ],
  webServer: {
    command: "node --import tsx scripts/start.mts",
    url: `http://localhost:${port}/api/healthz`,
    timeout: 420_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      TENANTRY_DATA_DIR: process.env.E2E_DATA_DIR,
      TENANTRY_ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD,
      TENANTRY_DEMO_PASSWORD: process.env.E2E_DEMO_PASSWORD,
      TENANTRY_RECONCILE_INTERVAL_MS: "2000",
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn", // request lines stay out of the test output
    },
  },
});
