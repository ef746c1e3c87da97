import type { NextConfig } from "next";
import { API_CSP, PERMISSIONS_POLICY } from "./lib/web/csp";

const distDir = process.env.TENANTRY_NEXT_DIST_DIR || ".next";

const nextConfig: NextConfig = {
  // Lets parallel checkouts or test runs build side by side (see scripts/start.mts).
  distDir,
  // Next adds `<distDir>/types/**` to tsconfig.json's include on every build; for a side build (benchmarks, tests)
  // that would rewrite a tracked file. It leaves a tsconfig that extends another alone, so side builds use one.
  ...(distDir === ".next" ? {} : { typescript: { tsconfigPath: "tsconfig.side-build.json" } }),
  // Every build also gathers what the server needs, traced node_modules included, into <distDir>/standalone:
  // the container image is made from it (scripts/image-build.mts). `npm start` and the demo still run from the checkout.
  output: "standalone",
  // Server-only packages with native or WebAssembly parts stay outside the bundle.
  serverExternalPackages: ["@prisma/client", "@prisma/adapter-pg", "pg", "@node-rs/argon2", "@kubernetes/client-node", "@electric-sql/pglite", "pino", "prom-client"],
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
        ],
      },
      // Pages get their CSP, with a nonce, from proxy.ts; API answers one that lets nothing run.
      {
        source: "/api/:path*",
        headers: [
          { key: "Content-Security-Policy", value: API_CSP },
          { key: "Cache-Control", value: "no-store" },
        ],
      },
    ];
  },
};

export default nextConfig;
