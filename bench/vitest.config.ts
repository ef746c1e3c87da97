// For bench/request-cost.mts alone: `npx vitest run --config bench/vitest.config.ts` (it starts its own PostgreSQL).
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("..", import.meta.url));
export default defineConfig({
  root,
  resolve: { alias: { "@": root, "server-only": fileURLToPath(new URL("../tests/support/empty.ts", import.meta.url)) } },
  test: { include: ["bench/request-cost.mts"], environment: "node", testTimeout: 3_600_000, silent: false },
});
