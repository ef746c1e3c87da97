// Deployable into Kubernetes (#16 item 5), on a real API server. deploy/overlays/production, rendered by
// `kubectl kustomize`, is accepted by `kubectl apply --dry-run=server` without a warning (the namespace enforces the
// restricted Pod Security level). The image's /app, assembled by scripts/image-build.mts (the Dockerfile's build step)
// over the build `npm test` already made, migrates an empty database with the init container's command and then
// serves with the Deployment's environment from those files alone, writing nothing into them. Given what a pod of
// that Deployment mounts (the ServiceAccount's token and the API server's CA), the in-cluster mode registers the
// cluster it runs in and provisions a project there with no more than the ClusterRole the manifests grant.
// The API server is TENANTRY_TEST_REALKUBE's (scripts/test-real-kube.mts passes it) or one this file starts.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import type { V1Container, V1Deployment } from "@kubernetes/client-node";
import { ensureWebhookTls } from "@/lib/audit/webhook-tls";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded";
import { freePort } from "@/lib/net/free-port";
import { POLICY_NAME } from "@/lib/kube/admission-policy";
import { PLATFORM_BINDING } from "@/lib/kube/rbac";
import { REALKUBE } from "../support/realkube";

const work = mkdtempSync(join(tmpdir(), "tenantry-deploy-"));
const app = join(work, "app");
const rendered = spawnSync("kubectl", ["kustomize", "deploy/overlays/production"], { encoding: "utf8" });
const docs = parseAllDocuments(rendered.stdout).map((d) => d.toJSON() as { kind: string; metadata: { name: string } });
const deployment = docs.find((d) => d.kind === "Deployment") as unknown as V1Deployment;
const pod = deployment.spec!.template.spec!;
const [migrate] = pod.initContainers! as [V1Container];
const console_ = pod.containers[0]!;
const adminPassword = "first-sign-in-9";
// Unique, so a run against a cluster an earlier run used starts afresh.
const suffix = Date.now().toString(36);
const [workspace, projectName] = [`deploy-${suffix}`, `deploy-check-${suffix}`];
const secret: Record<string, string> = {
  TENANTRY_SECRET_KEY: Buffer.alloc(32, 7).toString("base64"),
  NEXTAUTH_SECRET: "n".repeat(44),
  TENANTRY_METRICS_TOKEN: "m".repeat(32),
  TENANTRY_ADMIN_PASSWORD: adminPassword,
};

let kube = process.env.TENANTRY_TEST_REALKUBE;
let ownKube: Record<string, string> | undefined;
let database: EmbeddedPostgres;
let server: ChildProcess | undefined;
let base: string;
let cookie = "";
const log: string[] = [];

const kubectl = (args: string[], input?: string) =>
  spawnSync("kubectl", ["--kubeconfig", join(kube!, "admin.kubeconfig"), ...args], { encoding: "utf8", input });

/** A container's environment as the kubelet gives it: values, and Secret keys from `secret`. */
const envOf = (c: V1Container) => Object.fromEntries(c.env!.map((e) => [e.name, e.valueFrom ? secret[e.valueFrom.secretKeyRef!.key] : e.value!]).filter(([, v]) => v !== undefined));

/** Every file under `dir` with its size and modification time, but for the emptyDir mounts. */
function snapshot(dir: string): string[] {
  const skip = new Set(console_.volumeMounts!.map((m) => join(app, relative("/app", m.mountPath))));
  const out: string[] = [];
  const visit = (path: string) => {
    if (skip.has(path)) return;
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) for (const e of readdirSync(path)) visit(join(path, e));
    else out.push(`${relative(dir, path)}:${st.size}:${st.mtimeMs}`);
  };
  visit(dir);
  return out.sort();
}

async function call(path: string, init: RequestInit = {}) {
  return fetch(base + path, { ...init, headers: { cookie, "content-type": "application/json", ...init.headers }, redirect: "manual" });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, bound = 120_000): Promise<T> {
  const end = Date.now() + bound;
  for (;;) {
    const got = await probe().catch(() => undefined);
    if (got !== undefined) return got;
    if (Date.now() > end) throw new Error(`${what}: not within ${bound / 1000} s\n${log.slice(-30).join("")}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  expect(rendered.status, rendered.stderr).toBe(0);
  if (!kube) {
    kube = join(work, "realkube");
    ownKube = { REALKUBE_DIR: kube, REALKUBE_API_PORT: "", REALKUBE_ETCD_PORT: "", REALKUBE_ETCD_PEER_PORT: "", REALKUBE_KCM_PORT: "" };
    for (const key of Object.keys(ownKube).slice(1)) ownKube[key] = String(await freePort());
    const up = spawnSync(REALKUBE, ["up"], { encoding: "utf8", env: { ...process.env, ...ownKube } });
    expect(up.status, up.stdout + up.stderr).toBe(0);
  }
  // The image's contents: the Dockerfile's own build step, over the current build (made here if there is none).
  const built = spawnSync(process.execPath, ["--import", "tsx", "scripts/image-build.mts", app], { encoding: "utf8" });
  expect(built.status, built.stdout + built.stderr).toBe(0);
  database = await startEmbeddedPostgres();
  secret.DATABASE_URL = database.url;
}, 900_000);

afterAll(async () => {
  server?.kill("SIGTERM");
  if (server && server.exitCode === null) await new Promise((done) => server!.once("exit", done));
  await database?.stop();
  if (ownKube) spawnSync(REALKUBE, ["down", "--purge"], { env: { ...process.env, ...ownKube } });
  rmSync(work, { recursive: true, force: true });
});

describe("deploy/ on a real API server", () => {
  it("applies (dry-run=server) without an error or a warning", () => {
    // Applied for real: the namespace (namespaced objects can be tried only in one that exists) and the identity the
    // console runs as, which the rest of this file uses. Everything is then tried, the Deployment included.
    const identity = new Set(["Namespace", "ServiceAccount", "ClusterRole", "ClusterRoleBinding"]);
    const real = kubectl(["apply", "-f", "-"], rendered.stdout.split(/^---$/m).filter((d) => identity.has(/^kind: (\w+)$/m.exec(d)![1]!)).join("---\n"));
    expect(real.status, real.stderr).toBe(0);
    const dry = kubectl(["apply", "--dry-run=server", "-f", "-"], rendered.stdout);
    expect(dry.stderr).toBe("");
    expect(dry.status).toBe(0);
    const lines = dry.stdout.trim().split("\n");
    expect(lines).toHaveLength(docs.length);
    for (const line of lines) expect(line).toMatch(/ (created|configured|unchanged) \(server dry run\)$/);
  });
});

describe("the image's contents", () => {
  let before: string[];

  it("migrate an empty database with the init container's command", async () => {
    expect(readdirSync(app)).not.toContain("next.config.ts");
    const [command, ...args] = migrate.command!;
    expect(command).toBe("node");
    const home = mkdtempSync(join(work, "home-"));
    // Not spawnSync: the embedded database answers from this process's event loop.
    const child = spawn(process.execPath, args, { cwd: app, env: { PATH: process.env.PATH, HOME: home, TMPDIR: home, ...envOf(migrate) } });
    let output = "";
    for (const s of [child.stdout, child.stderr]) s.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const status = await new Promise((done) => child.once("exit", done));
    expect(status, output).toBe(0);
    expect(output).toMatch(/migrations have been successfully applied/);
  });

  it("serve with the Deployment's environment: healthz, then readyz once the database is migrated", async () => {
    before = snapshot(app);
    // What a pod of the Deployment mounts: the ServiceAccount's token, the cluster's CA and namespace.
    const token = kubectl(["create", "token", pod.serviceAccountName!, "-n", "tenantry-system"]);
    expect(token.status, token.stderr).toBe(0);
    const sa = join(work, "pod", "var/run/secrets/kubernetes.io/serviceaccount");
    mkdirSync(sa, { recursive: true });
    const admin = parse(readFileSync(join(kube!, "admin.kubeconfig"), "utf8"));
    const caData = admin.clusters[0].cluster["certificate-authority-data"];
    writeFileSync(join(sa, "ca.crt"), caData ? Buffer.from(caData, "base64") : readFileSync(admin.clusters[0].cluster["certificate-authority"]));
    writeFileSync(join(sa, "token"), token.stdout.trim());
    writeFileSync(join(sa, "namespace"), "tenantry-system");
    const api = new URL(admin.clusters[0].cluster.server);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const tmp = mkdtempSync(join(work, "tmp-"));
    const env = envOf(console_);
    const tlsDir = join(work, "audit-tls");
    ensureWebhookTls(tlsDir, ["127.0.0.1"]);
    server = spawn(process.execPath, ["scripts/serve.mjs"], {
      cwd: app,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        PATH: process.env.PATH,
        HOME: tmp,
        TMPDIR: tmp,
        ...env,
        // Loopback stands in for the pod network: its own ports, URL and certificate directory.
        PORT: String(port),
        NEXTAUTH_URL: base,
        TENANTRY_AUDIT_TLS_PORT: String(await freePort()),
        TENANTRY_AUDIT_TLS_DIR: tlsDir,
        // The kubelet sets these for every pod; client-node's in-cluster loader reads them and the mounted files.
        KUBERNETES_SERVICE_HOST: api.hostname,
        KUBERNETES_SERVICE_PORT: api.port,
        TENANTRY_IN_CLUSTER_ROOT: join(work, "pod"),
      },
    });
    for (const s of [server.stdout!, server.stderr!]) s.on("data", (chunk: Buffer) => log.push(chunk.toString()));
    expect(env.TENANTRY_AUDIT_WEBHOOK_URL).toMatch(/^https:/);
    await until("healthz", async () => ((await call("/api/healthz")).ok ? true : undefined));
    const ready = await until("readyz", async () => {
      const r = await call("/api/readyz");
      return r.status === 200 ? r.json() : undefined;
    });
    expect(ready).toMatchObject({ ready: true, checks: { database: "up", migrations: "applied", serving: "yes" } });
    expect((await call("/api/metrics", { headers: { authorization: `Bearer ${secret.TENANTRY_METRICS_TOKEN}` } })).status).toBe(200);
    // A page, and the static assets it loads (copied beside the standalone server).
    const page = await call("/login");
    expect(page.status).toBe(200);
    const scripts = [...(await page.text()).matchAll(/src="(\/_next\/static\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) expect((await call(src)).status, src).toBe(200);
  });

  it("sign the first admin in with TENANTRY_ADMIN_PASSWORD from the Secret", async () => {
    const csrf = await call("/api/auth/csrf");
    cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const form = new URLSearchParams({ csrfToken, username: "admin", password: adminPassword, json: "true" });
    const signIn = await call("/api/auth/callback/credentials", { method: "POST", body: form.toString(), headers: { "content-type": "application/x-www-form-urlencoded" } });
    const session = signIn.headers.getSetCookie().find((c) => /next-auth\.session-token=[^;]/.test(c));
    expect(session, `sign-in answered ${signIn.status}`).toBeDefined();
    cookie += `; ${session!.split(";")[0]}`;
    const me = await call("/api/v1/me");
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ username: "admin" });
  });

  it("register the cluster they run in through the pod's ServiceAccount, and provision a project with its ClusterRole alone", async () => {
    const registered = await call("/api/v1/clusters", { method: "POST", body: JSON.stringify({ name: "here", inCluster: true }) });
    expect(registered.status, await registered.clone().text()).toBe(201);
    expect(await registered.json()).toMatchObject({ name: "here", health: "ready", version: expect.stringMatching(/^v1\.36\./) });
    expect((await call("/api/v1/workspaces", { method: "POST", body: JSON.stringify({ name: workspace, clusters: ["here"] }) })).status).toBe(201);
    const created = await call(`/api/v1/workspaces/${workspace}/projects`, { method: "POST", body: JSON.stringify({ name: projectName, cluster: "here" }) });
    expect(created.status, await created.clone().text()).toBe(201);
    // The reconciler retries what failed; the last status says why, should it never become ready.
    let last: unknown;
    await until("project ready", async () => {
      last = await (await call(`/api/v1/workspaces/${workspace}/projects/${projectName}`)).json();
      return (last as { status: string }).status === "ready" ? true : undefined;
    }).catch((err: Error) => Promise.reject(new Error(`${err.message}\nlast: ${JSON.stringify(last)}`)));
    // What the console made with the ServiceAccount's rights, seen by the cluster's administrator.
    const ns = JSON.parse(kubectl(["get", "namespace", projectName, "-o", "json"]).stdout);
    expect(ns.metadata.labels).toMatchObject({ "app.kubernetes.io/managed-by": "tenantry" });
    for (const [kind, name] of [["validatingadmissionpolicy", POLICY_NAME], ["clusterrolebinding", PLATFORM_BINDING]]) expect(kubectl(["get", kind!, name!]).status, `${kind}/${name}`).toBe(0);
    // Members' reads go to the cluster as themselves (impersonation, which the ClusterRole allows).
    const workloads = await call(`/api/v1/workspaces/${workspace}/projects/${projectName}/workloads`);
    expect(workloads.status).toBe(200);
    const none = { items: [], error: null };
    expect(await workloads.json()).toMatchObject({ deployments: none, pods: none, services: none });
  });

  it("were not written to while serving (the root filesystem can be read-only)", () => {
    expect(snapshot(app)).toEqual(before);
  });
});
