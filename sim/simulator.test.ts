// The simulator's own surface: faults, stop/restart, snapshots, TLS and the CLI.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import YAML from "yaml";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "./index";

const tmp = mkdtempSync(join(tmpdir(), "sim-test-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const client = (yaml: string) => { const kc = new KubeConfig(); kc.loadFromString(yaml); return kc.makeApiClient(CoreV1Api); };
const call = (sim: Simulator, path: string, init: RequestInit = {}) =>
  fetch(`${sim.url}${path}`, { ...init, headers: { Authorization: `Bearer ${sim.adminToken}`, ...(init.headers ?? {}) } });

describe("faults", () => {
  let sim: Simulator;
  beforeAll(async () => { sim = await startSimulator({ name: "faulty" }); });
  afterEach(() => sim.faults.clear());
  afterAll(async () => { await sim.stop(); });

  it.each([[500, "InternalError"], [503, "ServiceUnavailable"]] as const)("fails requests with %i %s", async (status, reason) => {
    sim.faults.set({ failStatus: status, failRate: 1 });
    const r = await call(sim, "/api/v1/namespaces");
    expect(r.status).toBe(status);
    expect(await r.json()).toMatchObject({ kind: "Status", reason, code: status });
  });

  it("fails nothing at failRate 0", async () => {
    sim.faults.set({ failStatus: 500, failRate: 0 });
    expect((await call(sim, "/api/v1/namespaces")).status).toBe(200);
  });

  it("resets connections when refusing", async () => {
    sim.faults.set({ refuse: true });
    await expect(call(sim, "/api/v1/namespaces")).rejects.toThrow();
    sim.faults.clear();
    expect((await call(sim, "/api/v1/namespaces")).status).toBe(200);
  });

  it("leaves requests hanging for a timeout until the client gives up", async () => {
    sim.faults.set({ failStatus: "timeout" });
    await expect(call(sim, "/api/v1/namespaces", { signal: AbortSignal.timeout(200) })).rejects.toThrow();
  });

  it("delays responses by latencyMs", async () => {
    sim.faults.set({ latencyMs: 1000 });
    await expect(call(sim, "/version", { signal: AbortSignal.timeout(50) })).rejects.toThrow();
    expect((await call(sim, "/version")).status).toBe(200);
  });

  it("is switchable over HTTP by the admin only", async () => {
    const put = await call(sim, "/_sim/faults", { method: "PUT", body: JSON.stringify({ failStatus: 503 }) });
    expect(await put.json()).toMatchObject({ failStatus: 503 });
    expect((await call(sim, "/api/v1/namespaces")).status).toBe(503);
    const other = sim.addUser("mallory");
    const denied = await fetch(`${sim.url}/_sim/faults`, { method: "DELETE", headers: { Authorization: `Bearer ${other}` } });
    expect(denied.status).toBe(403);
    expect((await call(sim, "/_sim/faults", { method: "DELETE" })).status).toBe(200);
    expect((await call(sim, "/api/v1/namespaces")).status).toBe(200);
    const bad = await call(sim, "/_sim/faults", { method: "PUT", body: JSON.stringify({ failRate: 2 }) });
    expect(bad.status).toBe(400);
  });
});

describe("lifecycle", () => {
  it("refuses connections while stopped and keeps state across restart", async () => {
    const sim = await startSimulator({ name: "restartable" });
    const core = client(sim.kubeconfig());
    await core.createNamespace({ body: { metadata: { name: "kept" } } });
    await sim.stop();
    await expect(call(sim, "/version")).rejects.toThrow();
    await sim.restart!();
    expect((await core.readNamespace({ name: "kept" })).status?.phase).toBe("Active");
    await sim.stop();
  });

  it("saves a snapshot on stop and loads it at start", async () => {
    const snapshotPath = join(tmp, "snap.json");
    const first = await startSimulator({ name: "snap", snapshotPath });
    const user = first.addUser("erin", ["devs"]);
    await client(first.kubeconfig()).createNamespace({ body: { metadata: { name: "persisted", labels: { a: "b" } } } });
    await first.stop();
    const second = await startSimulator({ name: "snap", snapshotPath });
    expect(second.adminToken).toBe(first.adminToken);
    expect((await client(second.kubeconfig()).readNamespace({ name: "persisted" })).metadata?.labels?.a).toBe("b");
    const asErin = await fetch(`${second.url}/api/v1/namespaces`, { headers: { Authorization: `Bearer ${user}` } });
    expect(asErin.status).toBe(403);
    await second.stop();
  });

  it("writes the admin kubeconfig and starts the configured number of nodes", async () => {
    const sim = await startSimulator({ name: "files", kubeconfigDir: tmp, nodes: 2 });
    const written = readFileSync(join(tmp, "files.kubeconfig"), "utf8");
    const doc = YAML.parse(written);
    expect(doc["current-context"]).toBe("files");
    expect(doc.clusters[0].cluster).toEqual({ server: sim.url, "insecure-skip-tls-verify": true });
    expect((await client(written).listNode()).items).toHaveLength(2);
    await sim.stop();
  });
});

describe("TLS", () => {
  it("serves HTTPS with a CA the kubeconfig carries", async () => {
    const sim = await startSimulator({ name: "secure", tls: true });
    expect(sim.url).toMatch(/^https:/);
    const doc = YAML.parse(sim.kubeconfig());
    expect(doc.clusters[0].cluster["certificate-authority-data"]).toBeTruthy();
    expect(doc.clusters[0].cluster["insecure-skip-tls-verify"]).toBeUndefined();
    expect((await client(sim.kubeconfig()).listNamespace()).items.length).toBeGreaterThan(0);
    await sim.stop();
  });

  it("keeps its certificate in the snapshot so issued kubeconfigs stay valid", async () => {
    const snapshotPath = join(tmp, "tls-snap.json");
    const first = await startSimulator({ name: "secure2", tls: true, snapshotPath });
    const kubeconfig = first.kubeconfig();
    await first.stop();
    const second = await startSimulator({ name: "secure2", tls: true, snapshotPath, port: Number(new URL(first.url).port) });
    expect((await client(kubeconfig).readNamespace({ name: "default" })).metadata?.name).toBe("default");
    await second.stop();
  });
});

describe("CLI", () => {
  it("prints one JSON line when ready and stops on SIGTERM", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "sim/main.mts", "--name", "cli", "--port", "0", "--kubeconfig-dir", tmp], { stdio: ["ignore", "pipe", "inherit"] });
    const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once("line", resolve));
    const ready = JSON.parse(line);
    expect(ready).toMatchObject({ name: "cli", kubeconfig: join(tmp, "cli.kubeconfig") });
    expect((await client(readFileSync(ready.kubeconfig, "utf8")).readNamespace({ name: "default" })).metadata?.name).toBe("default");
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
