// Where the contract suite runs: an in-process simulator by default, or a real cluster when
// KUBE_CONTRACT_KUBECONFIG names an admin kubeconfig (a client certificate or a token). Non-admin
// users on a real cluster are either the one user of KUBE_CONTRACT_USER_TOKEN (named by the
// server's SelfSubjectReview, or KUBE_CONTRACT_USER) or impersonated by the admin (`Impersonate-User`).
import { readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import { AuthenticationV1Api, KubeConfig } from "@kubernetes/client-node";
import { startSimulator, type Simulator } from "../../sim/index";

export interface Target {
  admin: KubeConfig;
  adminYaml: string;
  /** A kubeconfig acting as a non-admin user; `name` is the username RBAC sees. */
  user(name: string): { name: string; kc: KubeConfig };
  /** The cluster without credentials, for authentication tests whatever the admin authenticates with. */
  anonymous(): KubeConfig;
  sim?: Simulator;
  /** Unique prefix for names created by this run. */
  run: string;
  close(): Promise<void>;
}

export async function openTarget(): Promise<Target> {
  const run = `ct${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
  const external = process.env.KUBE_CONTRACT_KUBECONFIG;
  const sim = external ? undefined : await startSimulator({ name: "contract" });
  const adminYaml = external ? readFileSync(external, "utf8") : sim!.kubeconfig();
  const admin = new KubeConfig();
  admin.loadFromString(adminYaml);
  const token = process.env.KUBE_CONTRACT_USER_TOKEN;
  /** The admin kubeconfig with its user's credentials replaced (none when `credentials` is undefined). */
  const withUser = (credentials: { token?: string; impersonateUser?: string } | undefined) => {
    const kc = new KubeConfig();
    kc.loadFromString(adminYaml);
    const current = kc.getCurrentUser()!;
    const users = kc.users.map((u) => (u.name !== current.name ? u : { ...credentials, name: u.name }));
    kc.loadFromOptions({ clusters: kc.clusters, users, contexts: kc.contexts, currentContext: kc.currentContext });
    return kc;
  };
  const tokenUser = token ? process.env.KUBE_CONTRACT_USER ?? await whoAmI(withUser({ token })) : undefined;

  const user = (name: string) => {
    const kc = new KubeConfig();
    if (sim) {
      sim.addUser(name);
      kc.loadFromString(sim.kubeconfig(name));
      return { name, kc };
    }
    if (tokenUser) return { name: tokenUser, kc: withUser({ token }) };
    return { name, kc: withUser({ ...admin.getCurrentUser(), impersonateUser: name }) };
  };
  return { admin, adminYaml, user, anonymous: () => withUser(undefined), sim, run, close: async () => { await sim?.stop(); } };
}

async function whoAmI(kc: KubeConfig): Promise<string> {
  const review = await kc.makeApiClient(AuthenticationV1Api).createSelfSubjectReview({ body: { apiVersion: "authentication.k8s.io/v1", kind: "SelfSubjectReview" } });
  return review.status!.userInfo!.username!;
}

// Bodies are arbitrary JSON the tests pick apart with matchers.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface RawResponse { status: number; body: any; text: string; headers: http.IncomingHttpHeaders }

/** A plain HTTP request authenticated as the kubeconfig's user, for what the typed clients hide. */
export async function raw(kc: KubeConfig, method: string, path: string, opts: { body?: unknown; headers?: Record<string, string>; token?: string | null } = {}): Promise<RawResponse> {
  const server = new URL(kc.getCurrentCluster()!.server);
  const options: https.RequestOptions = { method, headers: {} };
  await kc.applyToHTTPSOptions(options);
  const headers = options.headers as Record<string, string>;
  if (opts.token === null) delete headers.Authorization;
  else if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  Object.assign(headers, opts.headers ?? {});
  const payload = opts.body === undefined ? undefined : typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
  if (payload !== undefined && !headers["Content-Type"]) headers["Content-Type"] = "application/json";
  const lib = server.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(new URL(path, server), options, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (text += c));
      res.on("end", () => {
        let body: unknown = text;
        try { body = JSON.parse(text); } catch { /* not JSON */ }
        resolve({ status: res.statusCode ?? 0, body, text, headers: res.headers });
      });
    });
    req.on("error", reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** The Status a typed-client call failed with: `{ code, body }` where body is the parsed Status. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function failure(p: Promise<unknown>): Promise<{ code: number; body: any }> {
  try {
    await p;
  } catch (e) {
    const err = e as { code?: number; body?: unknown };
    if (typeof err.code !== "number") throw e;
    const body = typeof err.body === "string" ? JSON.parse(err.body) : err.body;
    return { code: err.code, body };
  }
  throw new Error("expected the request to fail");
}

/** Polls until `check` stops throwing: controllers act asynchronously on a real cluster. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 20_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }
}
