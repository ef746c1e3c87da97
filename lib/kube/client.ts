// The one cluster client factory: a registered cluster's sealed credentials → a client-node KubeConfig.
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { ApiException, KubeConfig, type ApiType } from "@kubernetes/client-node";
import { unseal } from "../crypto/seal";
import { AppError } from "../api/errors";
import { checkKubeconfig } from "./kubeconfig-safety";

type ApiConstructor<T extends ApiType> = new (config: never) => T;

export interface ClusterCredentials {
  id: string;
  /** The sealed kubeconfig: what a client is made from, so what a cached one is keyed by. */
  credentials: string;
}

export const IN_CLUSTER = "in-cluster";

// Keyed by the sealed credentials, not the row's updatedAt: a health check writes the row every pass, and a new
// client there would close the pooled connections, cutting every watch of the cluster each time.
const cache = new Map<string, { credentials: string; kc: KubeConfig }>();

/**
 * Parses a kubeconfig (or the pod's service account for IN_CLUSTER); throws with a readable reason. The one
 * way a kubeconfig becomes a KubeConfig: checkKubeconfig refuses (KubeconfigRefused) what would run a command
 * or read a local file before client-node sees anything, and client-node gets only the checked object.
 */
export function loadKubeConfig(source: string): KubeConfig {
  const kc = new KubeConfig();
  // TENANTRY_IN_CLUSTER_ROOT only moves where the service-account files are read from (tests).
  if (source === IN_CLUSTER) kc.loadFromCluster(process.env.TENANTRY_IN_CLUSTER_ROOT);
  else kc.loadFromString(JSON.stringify(checkKubeconfig(source)));
  if (!kc.getCurrentCluster()) throw new Error("the kubeconfig has no current context with a cluster");
  if (!kc.getCurrentUser()) throw new Error("the kubeconfig has no current context with a user");
  return reuseConnections(kc);
}

type AgentFactory = (cluster: unknown, options: Record<string, unknown>) => HttpAgent;
const agentsOf = new WeakMap<KubeConfig, Map<string, HttpAgent>>();

/**
 * client-node 1.4 builds a new https.Agent for every request (KubeConfig.createAgent, called from
 * applySecurityAuthentication and applyToFetchOptions), so no connection is ever reused: each API call and each
 * watch pays a TCP connect and a TLS handshake on both sides, which at 10,000 projects was most of the console's
 * and the API server's CPU. Here each KubeConfig keeps one keep-alive agent per distinct set of per-call options
 * (the TLS material is the KubeConfig's own), as client-go keeps one transport per rest.Config. Proxy agents are
 * left as client-node makes them.
 */
function reuseConnections(kc: KubeConfig): KubeConfig {
  const target = kc as unknown as { createAgent: AgentFactory };
  const make = target.createAgent.bind(kc);
  const agents = new Map<string, HttpAgent>();
  agentsOf.set(kc, agents);
  target.createAgent = (cluster, options) => {
    const key = JSON.stringify([options.timeout, options.servername, options.rejectUnauthorized]);
    let agent = agents.get(key);
    if (!agent) {
      agent = make(cluster, { ...options, keepAlive: true });
      // A proxy agent (its own class) is not ours to pool: made afresh per call as before.
      if (!(agent instanceof HttpsAgent || agent.constructor === HttpAgent)) return agent;
      agents.set(key, agent);
    }
    return agent;
  };
  return kc;
}

/** Closes the pooled connections of a KubeConfig that is no longer used (its cluster's credentials changed). */
function closeConnections(kc: KubeConfig): void {
  for (const agent of agentsOf.get(kc)?.values() ?? []) agent.destroy();
}

export function kubeConfigFor(cluster: ClusterCredentials): KubeConfig {
  const hit = cache.get(cluster.id);
  if (hit && hit.credentials === cluster.credentials) return hit.kc;
  let kubeconfig: string;
  try {
    kubeconfig = unseal(cluster.credentials);
  } catch {
    // Another secret key, or a damaged row: this cluster cannot be called, which is no fault of the request (nor a 500).
    throw new AppError(503, "cluster_unavailable", "The cluster's stored credentials cannot be opened (was TENANTRY_SECRET_KEY changed?). Register its kubeconfig again.");
  }
  // A kubeconfig the safety rules refuse says which part of it they refuse (loadKubeConfig's own message).
  const kc = loadKubeConfig(kubeconfig);
  if (hit) closeConnections(hit.kc);
  cache.set(cluster.id, { credentials: cluster.credentials, kc });
  return kc;
}

export function apiFor<T extends ApiType>(cluster: ClusterCredentials, api: ApiConstructor<T>): T {
  return kubeConfigFor(cluster).makeApiClient(api as never) as T;
}

/** A cluster that does not answer must never hold up the console. */
export async function withTimeout<T>(work: Promise<T>, ms = Number(process.env.TENANTRY_KUBE_TIMEOUT_MS ?? 5000)): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the cluster did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The HTTP status of a Kubernetes API error, or undefined for a network failure. */
export function kubeStatus(err: unknown): number | undefined {
  return err instanceof ApiException ? err.code : undefined;
}

/** A one-line reason for a failed Kubernetes call, for status texts and 422s (never a stack). */
export function kubeReason(err: unknown): string {
  if (err instanceof ApiException) {
    const body = typeof err.body === "string" ? safeJson(err.body) : err.body;
    const message = (body as { message?: string } | undefined)?.message;
    return `${err.code}${message ? `: ${message}` : ""}`;
  }
  const e = err as { message?: string; cause?: { code?: string; message?: string }; code?: string };
  const cause = e?.cause?.code ?? e?.code;
  return [e?.message ?? String(err), cause && !e?.message?.includes(cause) ? `(${cause})` : ""].filter(Boolean).join(" ");
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
