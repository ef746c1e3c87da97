// Registering clusters: validated by connecting, credentials sealed, nothing stored on failure.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify, parse } from "yaml";
import { startSimulator, type Simulator } from "@/sim/index";
import { db } from "@/lib/db/client";
import { checkHealth, deleteCluster, getCluster, listClusters, registerCluster, updateCluster } from "@/lib/tenancy/clusters";
import { createWorkspace } from "@/lib/tenancy/workspaces";
import { createProject } from "@/lib/tenancy/projects";
import { freePort } from "@/lib/net/free-port";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeUser, principalOf, uniqueName } from "../support/fixtures";

let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ name: "reg-sim", nodes: 4 });
});
afterAll(async () => {
  await sim.stop();
});

interface KubeconfigDoc {
  clusters: { cluster: Record<string, unknown> }[];
  users: { user: Record<string, unknown> }[];
}

/** The simulator's kubeconfig with one part changed. */
function kubeconfigWith(change: (kc: KubeconfigDoc) => void, source = sim.kubeconfig()): string {
  const kc = parse(source);
  change(kc);
  return stringify(kc);
}

async function expectRefused(kubeconfig: string, message: RegExp) {
  const name = uniqueName("bad");
  const err = await registerCluster({ name, kubeconfig }).catch((e) => e);
  expect(err).toMatchObject({ status: 422 });
  expect(err.issues[0].path).toBe("kubeconfig");
  expect(err.issues[0].message).toMatch(message);
  expect(await db().cluster.count({ where: { name } })).toBe(0);
}

describe("cluster registration", () => {
  it("stores a reachable cluster with its version and node count, credentials sealed", async () => {
    const name = uniqueName("good");
    const c = await registerCluster({ name, displayName: "Good one", kubeconfig: sim.kubeconfig() });
    expect(c).toMatchObject({ name, displayName: "Good one", health: "ready", nodeCount: 4 });
    expect(c.version).toMatch(/^v1\.\d+/);
    expect(JSON.stringify(c)).not.toContain(sim.adminToken);
    expect(JSON.stringify(await listClusters())).not.toContain(sim.adminToken);

    const row = await db().cluster.findUniqueOrThrow({ where: { name } });
    expect(row.credentials).not.toContain(sim.adminToken);
    expect(row.credentials.startsWith("v1.")).toBe(true);
  });

  it("refuses a taken name with 409", async () => {
    const name = uniqueName("twice");
    await registerCluster({ name, kubeconfig: sim.kubeconfig() });
    await expect(registerCluster({ name, kubeconfig: sim.kubeconfig() })).rejects.toMatchObject({ status: 409 });
  });

  it("refuses text that is not a kubeconfig", async () => {
    await expectRefused("this: [is not: a kubeconfig", /Not a usable kubeconfig/);
    await expectRefused("apiVersion: v1\nkind: Config\nclusters: []\n", /Not a usable kubeconfig/);
  });

  it("refuses a wrong token with the server's 401", async () => {
    const wrong = kubeconfigWith((kc) => {
      kc.users[0].user = { token: "not-the-token" };
    });
    await expectRefused(wrong, /Could not connect: 401/);
  });

  it("refuses an unreachable server", async () => {
    const port = await freePort();
    const unreachable = kubeconfigWith((kc) => {
      kc.clusters[0].cluster.server = `http://127.0.0.1:${port}`;
    });
    await expectRefused(unreachable, /Could not connect: .*(ECONNREFUSED|refused)/i);
  });

  it("refuses a server whose TLS certificate is not trusted", async () => {
    const tlsSim = await startSimulator({ name: "tls-sim", tls: true });
    try {
      const untrusted = kubeconfigWith((kc) => {
        delete kc.clusters[0].cluster["certificate-authority-data"];
        delete kc.clusters[0].cluster["insecure-skip-tls-verify"];
      }, tlsSim.kubeconfig());
      await expectRefused(untrusted, /Could not connect: .*(certificate|self[- ]signed|CERT)/i);
      const name = uniqueName("tls");
      await expect(registerCluster({ name, kubeconfig: tlsSim.kubeconfig() })).resolves.toMatchObject({ health: "ready" });
    } finally {
      await tlsSim.stop();
    }
  });

  it("marks a cluster down when it stops answering and ready when it is back", async () => {
    const other = await startSimulator({ name: "flaky-sim" });
    const name = uniqueName("flaky");
    await registerCluster({ name, kubeconfig: other.kubeconfig() });
    other.faults.set({ refuse: true });
    await checkHealth(await db().cluster.findUniqueOrThrow({ where: { name } }));
    const down = await getCluster(name);
    expect(down.health).toBe("down");
    expect(down.lastError).toBeTruthy();
    other.faults.clear();
    await checkHealth(await db().cluster.findUniqueOrThrow({ where: { name } }));
    expect((await getCluster(name)).health).toBe("ready");
    await other.stop();
  });

  it("registers the cluster it runs in from the pod's service account", async () => {
    const tlsSim = await startSimulator({ name: "incluster-sim", tls: true });
    const root = mkdtempSync(join(tmpdir(), "sa-"));
    const saDir = join(root, "var/run/secrets/kubernetes.io/serviceaccount");
    mkdirSync(saDir, { recursive: true });
    const ca = parse(tlsSim.kubeconfig()).clusters[0].cluster["certificate-authority-data"];
    writeFileSync(join(saDir, "ca.crt"), Buffer.from(ca, "base64"));
    writeFileSync(join(saDir, "token"), tlsSim.adminToken);
    writeFileSync(join(saDir, "namespace"), "tenantry-system");
    const saved = { ...process.env };
    Object.assign(process.env, { KUBERNETES_SERVICE_HOST: "127.0.0.1", KUBERNETES_SERVICE_PORT: new URL(tlsSim.url).port, TENANTRY_IN_CLUSTER_ROOT: root });
    try {
      const name = uniqueName("self");
      await expect(registerCluster({ name, inCluster: true })).resolves.toMatchObject({ name, health: "ready", nodeCount: 3 });
    } finally {
      process.env = saved;
      await tlsSim.stop();
    }
  });

  it("updates display name and labels, and validates a new kubeconfig before storing it", async () => {
    const name = uniqueName("edit");
    await registerCluster({ name, kubeconfig: sim.kubeconfig() });
    await expect(updateCluster(name, { displayName: "Edited", labels: { env: "prod" } })).resolves.toMatchObject({ displayName: "Edited", labels: { env: "prod" } });
    const before = (await db().cluster.findUniqueOrThrow({ where: { name } })).credentials;
    const wrong = kubeconfigWith((kc) => {
      kc.users[0].user = { token: "nope" };
    });
    await expect(updateCluster(name, { kubeconfig: wrong })).rejects.toMatchObject({ status: 422 });
    expect((await db().cluster.findUniqueOrThrow({ where: { name } })).credentials).toBe(before);
  });

  it("will not delete a cluster that still hosts projects", async () => {
    const name = uniqueName("busy");
    await registerCluster({ name, kubeconfig: sim.kubeconfig() });
    const admin = await makeUser("platform-admin");
    const ws = await createWorkspace({ name: uniqueName("ws"), clusters: [name] }, admin);
    await createProject(ws.name, { name: uniqueName("p"), cluster: name }, admin, await principalOf(admin.username, { workspace: ws.name }));
    await expect(deleteCluster(name)).rejects.toMatchObject({ status: 409 });
    expect((await getCluster(name)).workspaces.map((w) => w.name)).toEqual([ws.name]);
  });
});
