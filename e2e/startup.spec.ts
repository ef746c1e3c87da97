// #16 item 7 on the built console (the e2e server's production build): `npm start` with a bad setting stops
// before it serves anything, one line per bad variable, and says nothing about the good ones.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { freePort } from "../lib/net/free-port";

test("npm start refuses a bad configuration with a line naming each variable", async () => {
  const port = await freePort();
  const child = spawn(process.execPath, ["scripts/serve.mjs"], {
    env: {
      NODE_ENV: "production",
      PATH: process.env.PATH,
      TENANTRY_NEXT_DIST_DIR: process.env.TENANTRY_NEXT_DIST_DIR ?? "",
      PORT: String(port),
      DATABASE_URL: "postgresql://tenantry:pw@127.0.0.1:1/tenantry",
      TENANTRY_SECRET_KEY: randomBytes(32).toString("base64"),
      NEXTAUTH_SECRET: "too-short",
      LOG_LEVEL: "loud",
      TENANTRY_TRUSTED_PROXIES: "10.0.0.0/8,10.0.0.0/99",
    },
  });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const code = await new Promise<number | null>((done) => child.on("exit", done));
  expect(code).toBe(1);
  const lines = stderr.split("\n").filter((l) => /^ {2}\w+: /.test(l));
  expect(lines.map((l) => l.trim().split(":")[0])).toEqual(["NEXTAUTH_SECRET", "LOG_LEVEL", "TENANTRY_TRUSTED_PROXIES"]);
  expect(stderr).toContain("TENANTRY_TRUSTED_PROXIES: not an IP address or CIDR: 10.0.0.0/99");
  expect(stderr).not.toMatch(/at .+\.(js|ts):\d+/); // a message, not a stack trace
  // It never listened.
  await expect(fetch(`http://127.0.0.1:${port}/api/healthz`)).rejects.toThrow();
});
