import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { poolConfig } from "./lib/db/connection";

// The WebAssembly schema engine works offline; the classic one would download a binary.
export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPg(poolConfig(undefined, { idleTimeoutMillis: 500, max: 2 })),
});
