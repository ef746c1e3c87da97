// The cluster an integration test file provisions into: an in-process simulator by default, or the
// real API server of a running realkube (../shared/kube/realkube) when TENANTRY_TEST_REALKUBE names
// its state directory (scripts/test-real-kube.mts sets it). The same tests run against both.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { KubeConfig } from "@kubernetes/client-node";
import { startSimulator, type Simulator, type SimulatorOptions } from "@/sim/index";
import { registerCluster } from "@/lib/tenancy/clusters";
import { uniqueName } from "./fixtures";

export const REALKUBE = process.env.TENANTRY_TEST_REALKUBE || undefined;

export interface TestCluster {
  /** The name it is registered under in the console. */
  name: string;
  /** An administrator's view of the cluster, for the tests' own reads and writes. */
  kc: KubeConfig;
  /** The simulator, when the cluster is one: fault injection, request counts, stop and restart. */
  sim?: Simulator;
  stop(): Promise<void>;
}

/** Registers this file's cluster: realkube through `tenantry.kubeconfig` (a bearer-token cluster-admin,
 *  what users register) when the switch is set, otherwise a simulator. */
export async function registerTestCluster(simName: string): Promise<TestCluster> {
  if (!REALKUBE) return registerSimulator(simName);
  const name = uniqueName("c");
  await registerCluster({ name, kubeconfig: readFileSync(join(REALKUBE, "tenantry.kubeconfig"), "utf8") });
  const kc = new KubeConfig();
  kc.loadFromFile(join(REALKUBE, "admin.kubeconfig"));
  // Namespaces a run leaves behind are unique by name; the CI instance is thrown away afterwards.
  return { name, kc, stop: async () => undefined };
}

/** A simulator whatever the target, for the cases that need to break or stop their cluster. */
export async function registerSimulator(simName: string, opts: SimulatorOptions = {}): Promise<TestCluster & { sim: Simulator }> {
  const sim = await startSimulator({ ...opts, name: simName });
  const name = uniqueName("c");
  await registerCluster({ name, kubeconfig: sim.kubeconfig() });
  const kc = new KubeConfig();
  kc.loadFromString(sim.kubeconfig());
  return { name, kc, sim, stop: () => sim.stop() };
}

/** `cluster` itself when it is a simulator, otherwise a simulator registered beside it (stopped with it):
 *  what the cases that break or stop their cluster run on, whatever the target. */
export async function simulatorBeside(cluster: TestCluster, simName: string): Promise<TestCluster & { sim: Simulator }> {
  if (cluster.sim) return { ...cluster, sim: cluster.sim };
  const own = await registerSimulator(simName);
  const stop = cluster.stop;
  cluster.stop = async () => { await own.stop(); await stop(); };
  return own;
}
