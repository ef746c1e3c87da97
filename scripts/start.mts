// `npm run demo` (and `npm run dev` with --dev): the whole Tenantry on its embedded defaults.
// Embedded PostgreSQL unless DATABASE_URL is set; two simulated clusters unless TENANTRY_KUBECONFIG is set;
// migrations, seed, then the Next.js server.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { hostname } from "node:os";
import { createInterface } from "node:readline";
import { prettyFactory } from "pino-pretty";
import { join, resolve } from "node:path";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../lib/db/embedded.ts";
import { loadOrCreateSecrets } from "../lib/setup/secrets.ts";
import { configError } from "../lib/setup/config.ts";
import { migrate } from "../lib/setup/migrate.ts";
import { startSimulatorProcesses } from "../lib/setup/simulators.ts";
import { ensureBuilt } from "../lib/setup/build.ts";
import { seed, demoUsers, type SeedCluster } from "../prisma/seed.ts";
import { applyProvidersFromEnv } from "../lib/identity/providers.ts";
import { loadKubeConfig } from "../lib/kube/client.ts";
import { KubeconfigRefused } from "../lib/kube/kubeconfig-safety.ts";
import { ensureWebhookTls } from "../lib/audit/webhook-tls.ts";
import { SERVER_NODE_FLAGS } from "./server-flags.ts";

const dev = process.argv.includes("--dev");
const dataDir = resolve(process.env.TENANTRY_DATA_DIR || ".tenantry");
const port = Number(process.env.PORT || 3000);
const children: ChildProcess[] = [];
let pg: EmbeddedPostgres | undefined;

/** Stops the children (the console drains its requests first, scripts/serve.mjs), then the embedded database. */
async function shutdown(code = 0) {
  await Promise.all(
    children.map((c) => (c.exitCode !== null || c.signalCode !== null ? undefined : new Promise((done) => { c.once("exit", done); c.kill("SIGTERM"); setTimeout(done, 15_000).unref(); }))),
  );
  await pg?.stop().catch(() => {});
  process.exit(code);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());

// A kubeconfig from the environment is held to the rule of one registered through the API (it never runs a
// command or reads a local file), and checked before anything else starts.
let hostKubeconfig: string | undefined;
if (process.env.TENANTRY_KUBECONFIG) {
  const file = process.env.TENANTRY_KUBECONFIG;
  try {
    hostKubeconfig = readFileSync(file, "utf8");
    loadKubeConfig(hostKubeconfig);
  } catch (err) {
    const why = err instanceof KubeconfigRefused ? err.problems.map((p) => `  - ${p}`) : [`  ${(err as Error).message}`];
    console.error(
      [
        `TENANTRY_KUBECONFIG (${file}) cannot be used:`,
        ...why,
        "Only inline credentials are accepted: token, client-certificate-data and client-key-data, or username and password;",
        "certificate-authority-data for the server's CA; proxy-url only as an http or https URL.",
      ].join("\n"),
    );
    process.exit(1);
  }
}

mkdirSync(dataDir, { recursive: true });
const secrets = loadOrCreateSecrets(dataDir);
process.env.TENANTRY_SECRET_KEY = secrets.secretKey;

if (!process.env.DATABASE_URL) {
  pg = await startEmbeddedPostgres(join(dataDir, "pgdata"), Number(process.env.TENANTRY_DB_PORT) || undefined);
  process.env.DATABASE_URL = pg.url;
}
const databaseUrl = process.env.DATABASE_URL!;
await migrate(databaseUrl);

let clusters: SeedCluster[];
if (hostKubeconfig !== undefined) {
  clusters = [{ name: process.env.TENANTRY_CLUSTER_NAME || "host", kubeconfig: hostKubeconfig }];
} else {
  // Each demo user gets a kubeconfig as `tenantry:<name>`, the identity their RoleBindings name.
  const sims = await startSimulatorProcesses(["host", "member"], join(dataDir, "clusters"), demoUsers.map((u) => `tenantry:${u.username}`));
  children.push(...sims.map((s) => s.process));
  clusters = sims.map((s) => ({ name: s.name, displayName: `Simulated ${s.name} cluster`, kubeconfig: s.kubeconfig }));
}

const seeded = await seed({
  adminPassword: process.env.TENANTRY_ADMIN_PASSWORD,
  demoPassword: process.env.TENANTRY_DEMO_PASSWORD,
  clusters,
  demo: process.env.TENANTRY_DEMO_DATA !== "0",
});

// Automated installs configure identity providers by environment (upserted by name on every start).
const providers = await applyProvidersFromEnv();
if (providers.length) console.log(`Identity providers from TENANTRY_IDENTITY_PROVIDERS: ${providers.join(", ")}`);

// The audit webhook's TLS listener (kube-apiserver sends its token over nothing else): the operator's certificate
// in TENANTRY_AUDIT_TLS_DIR, or one made here for this machine's names; TENANTRY_AUDIT_TLS_PORT=0 turns it off.
const auditTlsPort = process.env.TENANTRY_AUDIT_TLS_PORT ?? String(port + 443);
const auditTlsDir = process.env.TENANTRY_AUDIT_TLS_DIR || join(dataDir, "audit-tls");
if (auditTlsPort !== "0" && !process.env.TENANTRY_AUDIT_TLS_DIR) {
  const publicHost = process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).hostname.replace(/^\[|\]$/g, "") : "localhost";
  ensureWebhookTls(auditTlsDir, [...new Set(["localhost", "127.0.0.1", "::1", hostname(), publicHost])]);
}

const env = {
  ...process.env,
  ...(auditTlsPort !== "0" ? { TENANTRY_AUDIT_TLS_PORT: auditTlsPort, TENANTRY_AUDIT_TLS_DIR: auditTlsDir } : {}),
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: databaseUrl,
  TENANTRY_SECRET_KEY: secrets.secretKey,
  NEXTAUTH_SECRET: secrets.authSecret,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
};
// The server checks this too; here it stops before a build is spent on a configuration that cannot run.
const badConfig = configError(env);
if (badConfig) {
  console.error(badConfig);
  await shutdown(1);
}
// Build only when the sources changed since the last build.
if (!dev && !ensureBuilt(env)) await shutdown(1);

// Not `next start`: scripts/serve.mjs tells route handlers the TCP peer, so client addresses can be trusted.
const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, "scripts/serve.mjs", ...(dev ? ["--dev"] : [])], { stdio: ["ignore", "pipe", "inherit"], env: { ...env, PORT: String(port) } });
children.push(server);
server.on("exit", (code) => void shutdown(code ?? 0));
// The console logs JSON lines (lib/observe/log.ts); here, and only here, they are printed for people.
const pretty = prettyFactory({ colorize: Boolean(process.stdout.isTTY), ignore: "pid", translateTime: "SYS:HH:MM:ss" });
createInterface({ input: server.stdout! }).on("line", (line) => {
  process.stdout.write(line.startsWith("{") ? pretty(line) : `${line}\n`);
  if (/^Ready on/.test(line)) {
    const lines = [
      "",
      `Tenantry is running at http://localhost:${port}`,
      `  data directory: ${dataDir}${pg ? " (embedded PostgreSQL)" : ""}`,
      ...(auditTlsPort !== "0" ? [`  Kubernetes audit webhook: https://localhost:${auditTlsPort} (its kubeconfig is issued on each cluster's page)`] : []),
      `  clusters: ${clusters.map((c) => c.name).join(", ")}${process.env.TENANTRY_KUBECONFIG ? "" : ` (simulated; kubeconfigs in ${join(dataDir, "clusters")})`}`,
      seeded.generatedAdminPassword
        ? `  sign in as admin / ${seeded.generatedAdminPassword}   (generated now and shown only once; set TENANTRY_ADMIN_PASSWORD to choose it)`
        : process.env.TENANTRY_ADMIN_PASSWORD
          ? "  sign in as admin with the password in TENANTRY_ADMIN_PASSWORD (if it was set when the account was made)"
          : "  sign in as admin with the password shown on the first start",
      ...(seeded.demoPassword ? [`  demo users ${demoUsers.map((u) => u.username).join(", ")} / ${seeded.demoPassword}   (shown only once)`] : []),
      "",
    ];
    console.log(lines.join("\n"));
  }
});
