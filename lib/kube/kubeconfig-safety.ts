// A kubeconfig from outside never runs code or reads local files on the console's host. client-node acts on
// what a kubeconfig says: `exec` (credential plugins) and some `auth-provider`s spawn commands, `token-file`,
// `client-certificate`, `client-key` and `certificate-authority` read paths, `proxy-url` may name a SOCKS
// proxy. So the YAML is parsed and checked here, before any KubeConfig sees it, and only what was checked
// is handed on (as JSON, so client-node's YAML parser reads exactly the checked object).
//
// Accepted: inline credentials (token, client-certificate-data and client-key-data, username and password),
// clusters by server URL with inline certificate-authority-data, insecure-skip-tls-verify, tls-server-name,
// disable-compression, and a proxy-url only when it is an http or https URL. Anything else in a user or
// cluster entry is refused by name (an allowlist, so a key a future client-node acts on is refused too).
import YAML from "yaml";

/** Why a kubeconfig is refused: one problem per entry and key, e.g. `users[0].user.exec: …`. */
export class KubeconfigRefused extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("; "));
    this.name = "KubeconfigRefused";
  }
}

/** The part of a kubeconfig client-node reads, after the check. */
export interface SafeKubeconfig {
  clusters: Record<string, unknown>[];
  users: Record<string, unknown>[];
  contexts: Record<string, unknown>[];
  "current-context"?: unknown;
}

const USER_KEYS = new Set(["token", "client-certificate-data", "client-key-data", "username", "password", "extensions"]);
const CLUSTER_KEYS = new Set(["server", "certificate-authority-data", "insecure-skip-tls-verify", "tls-server-name", "proxy-url", "disable-compression", "extensions"]);
const STRING_KEYS = new Set(["token", "client-certificate-data", "client-key-data", "username", "password", "server", "certificate-authority-data", "tls-server-name", "proxy-url"]);
const BOOLEAN_KEYS = new Set(["insecure-skip-tls-verify", "disable-compression"]);

/** Keys that read a local file, and the inline key to use instead. */
const FILE_KEYS: Record<string, string> = {
  tokenFile: "token",
  "token-file": "token",
  "client-certificate": "client-certificate-data",
  "client-key": "client-key-data",
  "certificate-authority": "certificate-authority-data",
};

const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "";
  } catch {
    return false;
  }
}

function keyProblem(where: string, key: string, value: unknown, allowed: Set<string>, entry: "user" | "cluster"): string | undefined {
  const at = `${where}.${key}`;
  if (key === "exec") return `${at} runs a local command (a credential plugin); only inline credentials are accepted`;
  if (key === "auth-provider") return `${at} is an auth provider plugin, which can run local commands; only inline credentials are accepted`;
  if (FILE_KEYS[key]) return `${at} reads a local file; give its contents inline as ${FILE_KEYS[key]}`;
  if (!allowed.has(key))
    return entry === "user"
      ? `${at} is not accepted; a user holds only token, client-certificate-data, client-key-data, username and password`
      : `${at} is not accepted; a cluster holds only server, certificate-authority-data, insecure-skip-tls-verify, tls-server-name, proxy-url and disable-compression`;
  if (value === null || value === undefined) return undefined;
  if (STRING_KEYS.has(key) && typeof value !== "string") return `${at} must be a string`;
  if (BOOLEAN_KEYS.has(key) && typeof value !== "boolean") return `${at} must be true or false`;
  if ((key === "server" || key === "proxy-url") && !isHttpUrl(value as string)) return `${at} must be an http or https URL`;
  return undefined;
}

/** The entries of a top-level list, each a mapping with its inner mapping (`user`, `cluster`, `context`). */
function entries(doc: Record<string, unknown>, list: "users" | "clusters" | "contexts", problems: string[]): Record<string, unknown>[] {
  const value = doc[list];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push(`${list} must be a list`);
    return [];
  }
  const inner = list.slice(0, -1);
  value.forEach((e, i) => {
    if (!isMapping(e)) problems.push(`${list}[${i}] must be a mapping`);
    else if (e[inner] !== undefined && e[inner] !== null && !isMapping(e[inner])) problems.push(`${list}[${i}].${inner} must be a mapping`);
  });
  return value.filter(isMapping);
}

/**
 * Parses a kubeconfig and returns the part client-node reads, or throws KubeconfigRefused naming every entry
 * and key that would run a command, read a local file or reach through anything but an http(s) proxy.
 * Nothing is loaded, run or read here.
 */
export function checkKubeconfig(source: string): SafeKubeconfig {
  let doc: unknown;
  try {
    doc = YAML.parse(source);
  } catch (err) {
    throw new KubeconfigRefused([`not YAML: ${(err as Error).message.split("\n")[0]}`]);
  }
  if (!isMapping(doc)) throw new KubeconfigRefused(["a kubeconfig is a YAML mapping"]);
  const problems: string[] = [];
  const users = entries(doc, "users", problems);
  const clusters = entries(doc, "clusters", problems);
  const contexts = entries(doc, "contexts", problems);
  users.forEach((u, i) => {
    if (!isMapping(u.user)) return;
    for (const [k, v] of Object.entries(u.user)) {
      const p = keyProblem(`users[${i}].user`, k, v, USER_KEYS, "user");
      if (p) problems.push(p);
    }
  });
  clusters.forEach((c, i) => {
    if (!isMapping(c.cluster)) return;
    for (const [k, v] of Object.entries(c.cluster)) {
      const p = keyProblem(`clusters[${i}].cluster`, k, v, CLUSTER_KEYS, "cluster");
      if (p) problems.push(p);
    }
  });
  if (problems.length) throw new KubeconfigRefused(problems);
  return { clusters, users, contexts, "current-context": doc["current-context"] };
}
