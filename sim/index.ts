// Kubernetes API simulator: an in-process API server over HTTP(S) for demos and tests.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { Users } from "./auth";
import { bootstrapRbac, node, SYSTEM_NAMESPACES } from "./bootstrap";
import { Controllers } from "./controllers";
import { FaultInjector, type Faults } from "./faults";
import { kubeconfigYaml } from "./kubeconfig";
import { Registry } from "./registry";
import { resourceFor } from "./resources";
import { createHandler } from "./server";
import { Store, type KObject, type StoreSnapshot } from "./store";
import { generateTls, type TlsMaterial } from "../lib/net/tls";

export type { Faults } from "./faults";

export interface SimulatorOptions {
  name?: string;
  host?: string;
  port?: number;
  tls?: boolean;
  kubeconfigDir?: string;
  snapshotPath?: string;
  nodes?: number;
  /** How often a watch that allows bookmarks gets one (a real API server: every minute). */
  bookmarkEveryMs?: number;
}

export interface Simulator {
  name: string;
  url: string;
  adminToken: string;
  kubeconfig(user?: string): string;
  addUser(username: string, groups?: string[]): string;
  faults: { set(f: Faults): void; clear(): void };
  /** Requests served so far by HTTP method; `reset` starts counting afresh. */
  stats(reset?: boolean): Record<string, number>;
  /** The store's current resourceVersion: it moves with every write, so equal values mean nothing changed. */
  revision(): string;
  /** etcd compaction: watches resuming from before now get 410 Gone (Expired) and must list again. */
  compact(): void;
  stop(): Promise<void>;
  restart?(): Promise<void>;
}

interface SnapshotFile { version: 1; store: StoreSnapshot; users: ReturnType<Users["snapshot"]>; tls?: TlsMaterial }
const SYSTEM = { user: { username: "system:apiserver", groups: ["system:masters"] }, dryRun: false };
const SNAPSHOT_EVERY_MS = 2000;

function bootstrap(registry: Registry, nodes: number) {
  const create = (group: string, resource: string, o: KObject) => registry.create(SYSTEM, resourceFor(group, resource)!, o.metadata.namespace, o);
  for (const o of bootstrapRbac()) create("rbac.authorization.k8s.io", o.kind === "ClusterRole" ? "clusterroles" : "clusterrolebindings", o);
  for (const name of SYSTEM_NAMESPACES) create("", "namespaces", { metadata: { name } });
  for (let i = 1; i <= nodes; i++) create("", "nodes", node(i));
}

function saveSnapshot(path: string, store: Store, users: Users, tls: TlsMaterial | undefined) {
  mkdirSync(dirname(path), { recursive: true });
  // The certificate is kept too, so kubeconfigs handed out earlier stay valid after a restart.
  const file: SnapshotFile = { version: 1, store: store.snapshot(), users: users.snapshot(), tls };
  writeFileSync(`${path}.tmp`, JSON.stringify(file));
  renameSync(`${path}.tmp`, path);
  store.dirty = false;
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const name = opts.name ?? "simulator";
  const host = opts.host ?? "127.0.0.1";
  const store = new Store();
  if (opts.bookmarkEveryMs) store.bookmarkEveryMs = opts.bookmarkEveryMs;
  const users = new Users();
  const registry = new Registry(store);
  const faults = new FaultInjector();
  const snap = opts.snapshotPath && existsSync(opts.snapshotPath) ? (JSON.parse(readFileSync(opts.snapshotPath, "utf8")) as SnapshotFile) : undefined;
  const tls: TlsMaterial | undefined = opts.tls ? snap?.tls ?? generateTls([...new Set([host, "localhost", "kubernetes", "kubernetes.default", "127.0.0.1"])]) : undefined;
  const rootCA = tls?.caCert ?? "-----BEGIN CERTIFICATE-----\n(tenantry simulator: plain HTTP, no CA)\n-----END CERTIFICATE-----\n";

  let controllers: Controllers;
  if (snap) {
    store.load(snap.store);
    users.load(snap.users);
    controllers = new Controllers(registry, rootCA);
  } else {
    controllers = new Controllers(registry, rootCA);
    bootstrap(registry, opts.nodes ?? 3);
  }
  const adminToken = users.add("admin", ["system:masters"]);

  let port = opts.port ?? 0;
  let stats: Record<string, number> = {};
  const handler = createHandler({ registry, users, faults, serverAddress: () => `${host}:${port}`, get stats() { return stats; } });
  const server = tls ? https.createServer({ cert: tls.cert, key: tls.key }, handler) : http.createServer(handler);
  const listen = () => new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => { server.off("error", reject); port = (server.address() as AddressInfo).port; resolve(); });
  });
  await listen();
  const url = `${tls ? "https" : "http"}://${host.includes(":") ? `[${host}]` : host}:${port}`;

  const kubeconfig = (user?: string) =>
    kubeconfigYaml({ name, url, caCert: tls?.caCert, token: user === undefined || user === "admin" ? adminToken : users.add(user, users.snapshot()[user]?.groups ?? []) });
  if (opts.kubeconfigDir) {
    mkdirSync(opts.kubeconfigDir, { recursive: true });
    writeFileSync(join(opts.kubeconfigDir, `${name}.kubeconfig`), kubeconfig(), { mode: 0o600 });
  }

  const snapshotTimer = opts.snapshotPath ? setInterval(() => { if (store.dirty) saveSnapshot(opts.snapshotPath!, store, users, tls); }, SNAPSHOT_EVERY_MS) : undefined;
  snapshotTimer?.unref();
  let running = true;

  return {
    name, url, adminToken, kubeconfig,
    addUser: (username, groups = []) => users.add(username, groups),
    faults: { set: (f) => faults.set(f), clear: () => faults.clear() },
    revision: () => store.resourceVersion,
    compact: () => store.compact(),
    stats(reset) {
      const now = { ...stats };
      if (reset) stats = {};
      return now;
    },
    async stop() {
      if (!running) return;
      running = false;
      controllers.stop();
      await new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); });
      if (opts.snapshotPath) saveSnapshot(opts.snapshotPath, store, users, tls);
    },
    async restart() {
      if (running) return;
      await listen();
      controllers = new Controllers(registry, rootCA);
      running = true;
    },
  };
}
