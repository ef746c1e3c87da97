// Security #13 (1): a kubeconfig never runs code or reads local files on the console's host. Registering or
// updating a cluster refuses credential plugins, auth providers and file paths with a 422 on `kubeconfig`
// before anything is loaded; a stored one is refused the same way wherever it is loaded; so is
// TENANTRY_KUBECONFIG at startup.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { startSimulator, type Simulator } from "@/sim/index";
import { db } from "@/lib/db/client";
import { seal } from "@/lib/crypto/seal";
import { checkHealth, registerCluster } from "@/lib/tenancy/clusters";
import { POST as createCluster } from "@/app/api/v1/clusters/route";
import { PATCH as patchCluster } from "@/app/api/v1/clusters/[cluster]/route";
import { callRoute, tokenFor } from "../support/call-route";
import { makeUser, uniqueName } from "../support/fixtures";

const dir = mkdtempSync(join(tmpdir(), "tenantry-kubeconfig-"));
let sim: Simulator;
let admin: string;

beforeAll(async () => {
  sim = await startSimulator({ name: "kcsafe-sim" });
  admin = await tokenFor(await makeUser("platform-admin"));
});
afterAll(async () => {
  await sim.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A file path this test alone uses, which the plugin would create. */
const marker = () => join(dir, uniqueName("ran"));

/** The simulator's kubeconfig with its user (or cluster) entry replaced. */
function kubeconfigWith(user?: Record<string, unknown>, cluster?: Record<string, unknown>): string {
  const kc = YAML.parse(sim.kubeconfig());
  if (user) kc.users[0].user = user;
  if (cluster) kc.clusters[0].cluster = { ...kc.clusters[0].cluster, ...cluster };
  return YAML.stringify(kc);
}

const execUser = (file: string) => ({ exec: { apiVersion: "client.authentication.k8s.io/v1", command: "/bin/sh", args: ["-c", `touch ${file}`], interactiveMode: "Never" } });

interface Problem {
  detail: string;
  issues: { path: string; message: string }[];
}

function expectRefusal(res: { status: number; contentType: string; body: unknown }, where: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(422);
  expect(res.contentType).toMatch(/^application\/problem\+json/);
  const body = res.body as Problem;
  expect(body.issues.map((i) => i.path)).toEqual(body.issues.map(() => "kubeconfig"));
  expect(body.issues.map((i) => i.message).join("\n")).toContain(where);
}

describe("POST /api/v1/clusters", () => {
  it("refuses a credential plugin with 422 on kubeconfig, never running it and storing nothing", async () => {
    const file = marker();
    const name = uniqueName("evil");
    const res = await callRoute(createCluster, { method: "POST", path: "/api/v1/clusters", token: admin, body: { name, kubeconfig: kubeconfigWith(execUser(file)) } });
    expectRefusal(res, "users[0].user.exec");
    // The simulator would have answered; the plugin is what must not have run (it did, before: 422 afterwards).
    expect(existsSync(file), "the kubeconfig's exec command ran on the console host").toBe(false);
    expect(await db().cluster.count({ where: { name } })).toBe(0);
  });

  it.each<[string, Record<string, unknown> | undefined, Record<string, unknown> | undefined, string]>([
    ["an auth provider", { "auth-provider": { name: "gcp", config: { "cmd-path": "/bin/sh", "cmd-args": "-c id" } } }, undefined, "users[0].user.auth-provider"],
    ["a token file", { "token-file": "/etc/hostname" }, undefined, "users[0].user.token-file"],
    ["a tokenFile", { tokenFile: "/etc/hostname" }, undefined, "users[0].user.tokenFile"],
    ["a client certificate file", { "client-certificate": "/etc/ssl/c.crt", "client-key": "/etc/ssl/c.key" }, undefined, "users[0].user.client-certificate"],
    ["a certificate authority file", undefined, { "certificate-authority": "/etc/ssl/certs/ca-certificates.crt" }, "clusters[0].cluster.certificate-authority"],
    ["a SOCKS proxy on a local socket", undefined, { "proxy-url": "socks5://127.0.0.1:9050" }, "clusters[0].cluster.proxy-url"],
  ])("refuses %s naming the entry and key", async (_, user, cluster, where) => {
    const name = uniqueName("evil");
    const res = await callRoute(createCluster, { method: "POST", path: "/api/v1/clusters", token: admin, body: { name, kubeconfig: kubeconfigWith(user, cluster) } });
    expectRefusal(res, where);
    expect(await db().cluster.count({ where: { name } })).toBe(0);
  });

  it("registers a kubeconfig with inline credentials as before", async () => {
    const name = uniqueName("good");
    const res = await callRoute(createCluster, { method: "POST", path: "/api/v1/clusters", token: admin, body: { name, kubeconfig: sim.kubeconfig() } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ name, health: "ready" });
  });
});

describe("PATCH /api/v1/clusters/{cluster}", () => {
  it("refuses a credential plugin with 422 on kubeconfig, never running it and changing nothing", async () => {
    const name = uniqueName("kept");
    await registerCluster({ name, kubeconfig: sim.kubeconfig() });
    const before = await db().cluster.findUniqueOrThrow({ where: { name } });
    const file = marker();
    const res = await callRoute(patchCluster, { method: "PATCH", path: `/api/v1/clusters/${name}`, params: { cluster: name }, token: admin, body: { displayName: "Changed", kubeconfig: kubeconfigWith(execUser(file)) } });
    expectRefusal(res, "users[0].user.exec");
    expect(existsSync(file), "the kubeconfig's exec command ran on the console host").toBe(false);
    expect(await db().cluster.findUniqueOrThrow({ where: { name } })).toEqual(before);
  });
});

describe("a kubeconfig stored before this rule", () => {
  it("is refused where it is loaded: the health check reports why and runs nothing", async () => {
    const file = marker();
    const name = uniqueName("old");
    const row = await db().cluster.create({ data: { name, credentials: seal(kubeconfigWith(execUser(file))), health: "ready" } });
    await checkHealth(row);
    const after = await db().cluster.findUniqueOrThrow({ where: { name } });
    expect(after.health).toBe("down");
    expect(after.lastError).toContain("users[0].user.exec");
    expect(existsSync(file), "a stored kubeconfig's exec command ran on the console host").toBe(false);
    await db().cluster.delete({ where: { id: row.id } });
  });
});

describe("TENANTRY_KUBECONFIG at startup", () => {
  it("is refused with a clear message, no stack, before anything runs", () => {
    const file = marker();
    const kubeconfig = join(dir, "host.kubeconfig");
    writeFileSync(kubeconfig, kubeconfigWith(execUser(file)));
    const dataDir = join(dir, uniqueName("data"));
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.mts"], {
      cwd: process.cwd(),
      env: { ...process.env, TENANTRY_KUBECONFIG: kubeconfig, TENANTRY_DATA_DIR: dataDir, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain(`TENANTRY_KUBECONFIG (${kubeconfig}) cannot be used:`);
    expect(run.stderr).toContain("users[0].user.exec runs a local command");
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(file), "the kubeconfig's exec command ran on the console host").toBe(false);
    expect(existsSync(dataDir), "startup went on past the refused kubeconfig").toBe(false);
  });
});
