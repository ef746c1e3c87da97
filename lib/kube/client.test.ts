import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { CoreV1Api, Watch } from "@kubernetes/client-node";
import { seal } from "../crypto/seal";
import { kubeConfigFor, loadKubeConfig, type ClusterCredentials } from "./client";

let server: Server;
let connections = 0;
let url = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    res.setHeader("content-type", "application/json");
    if (req.url?.includes("watch=true")) return void res.end(JSON.stringify({ type: "BOOKMARK", object: { kind: "Namespace", metadata: { resourceVersion: "2" } } }) + "\n");
    res.end(JSON.stringify({ kind: "NamespaceList", apiVersion: "v1", metadata: { resourceVersion: "1" }, items: [] }));
  });
  server.on("connection", () => connections++);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const kubeconfig = () =>
  YAML.stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: "c", cluster: { server: url, "insecure-skip-tls-verify": true } }],
    users: [{ name: "u", user: { token: "t" } }],
    contexts: [{ name: "c", context: { cluster: "c", user: "u" } }],
    "current-context": "c",
  });

describe("the cluster client factory", () => {
  it("reuses one connection for consecutive calls and watches of a cluster (client-node alone opens one per call)", async () => {
    const kc = loadKubeConfig(kubeconfig());
    const api = kc.makeApiClient(CoreV1Api);
    connections = 0;
    for (let i = 0; i < 5; i++) await api.listNamespace();
    await new Promise<void>((resolve, reject) => {
      void new Watch(kc).watch("/api/v1/namespaces", {}, () => {}, (err) => (err ? reject(err) : resolve()));
    });
    await api.listNamespace();
    expect(connections).toBe(1);
  });
});

describe("kubeConfigFor", () => {
  it("keeps one client per credentials, whatever else of the cluster's row changes (a health check writes it every pass)", () => {
    process.env.TENANTRY_SECRET_KEY ??= "k".repeat(64);
    // The cluster's row as the database hands it out (any more of its fields work the same).
    const row = (credentials: string, updatedAt: number, health: string): ClusterCredentials => Object.assign({ id: "c-kept", credentials }, { updatedAt: new Date(updatedAt), health });
    const sealed = seal(kubeconfig());
    const kc = kubeConfigFor(row(sealed, 1, "ready"));
    // The same credentials after a health check: the same client, so its pooled connections (and watches) stay open.
    expect(kubeConfigFor(row(sealed, 2, "down"))).toBe(kc);
    // A kubeconfig registered again: a new client.
    expect(kubeConfigFor(row(seal(kubeconfig()), 3, "ready"))).not.toBe(kc);
  });

  it("answers a cluster whose stored credentials cannot be opened as unavailable (503), not as a fault (500)", () => {
    expect(() => kubeConfigFor({ id: "c-unusable", credentials: "v1.unused" })).toThrow(
      expect.objectContaining({ status: 503, code: "cluster_unavailable" }),
    );
  });
});
