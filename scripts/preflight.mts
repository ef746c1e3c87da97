// Before `npm test`: the system tools the tests use. As root with apt they are installed here;
// otherwise this stops at the first missing one with the command that installs it — never a raw ENOENT later.
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";

/** What the tests run, where they run it from, and the Debian package that brings it. */
export interface Tool {
  path: string;
  pkg: string;
  why: string;
}

export const TOOLS: Tool[] = [
  { path: "/usr/bin/chromium", pkg: "chromium", why: "the browser of the end-to-end tests" },
  { path: "/usr/sbin/slapd", pkg: "slapd", why: "the LDAP server of the identity tests" },
  { path: "/usr/sbin/slapadd", pkg: "slapd", why: "loads the LDAP test directory" },
  { path: "/usr/bin/ldapsearch", pkg: "ldap-utils", why: "LDAP client tools" },
  { path: "/usr/bin/openssl", pkg: "openssl", why: "test certificate authorities (simulator, LDAPS, webhook TLS)" },
  { path: "/usr/bin/xz", pkg: "xz-utils", why: "unpacks the real Kubernetes binaries" },
  { path: "kubectl", pkg: "kubernetes-client", why: "renders deploy/ (kubectl kustomize), drives realkube and the real-cluster tests" },
  { path: "/usr/sbin/haproxy", pkg: "haproxy", why: "the load balancer in front of the replicas test's three servers" },
];

/** The replicas test runs a PostgreSQL 15 server of its own unless TENANTRY_TEST_DATABASE_URL names one (as .ci/run does). */
export const POSTGRES: Tool = { path: "/usr/lib/postgresql/15/bin/postgres", pkg: "postgresql-15", why: "the database server of the replicas test" };

export const toolsFor = (env: Record<string, string | undefined>): Tool[] => (env.TENANTRY_TEST_DATABASE_URL ? TOOLS : [...TOOLS, POSTGRES]);

const onPath = (cmd: string) => {
  try {
    execFileSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};

/** A tool is a file at its path, or (a bare name) a command on PATH wherever it was installed. */
const present = (path: string) => (path.startsWith("/") ? existsSync(path) : onPath(path));

export function missingTools(tools = TOOLS, exists: (path: string) => boolean = present): Tool[] {
  return tools.filter((t) => !exists(t.path));
}

/** What to do about the missing tools: install them (root with apt) or stop with the command to run. */
export function plan(missing: Tool[], { root, apt }: { root: boolean; apt: boolean }): { ok?: true; install?: string; pkgs?: string[]; stop?: string } {
  if (missing.length === 0) return { ok: true };
  const pkgs = [...new Set(missing.map((t) => t.pkg))];
  const command = (sudo: string) => `${sudo}apt-get update && ${sudo}apt-get install -y ${pkgs.join(" ")}`;
  if (root && apt) return { install: command(""), pkgs };
  const first = missing[0];
  return {
    stop:
      `npm test needs ${first.path} (${first.why}), from Debian's package "${first.pkg}".\n` +
      `Missing: ${missing.map((t) => t.path).join(", ")}. Install them with:\n\n  ${command("sudo ")}\n`,
  };
}

function main() {
  const tools = toolsFor(process.env);
  const next = plan(missingTools(tools), { root: process.getuid?.() === 0, apt: onPath("apt-get") });
  if (next.stop) {
    console.error(next.stop);
    process.exit(1);
  }
  if (!next.install) return;
  console.log(`preflight: installing ${next.pkgs!.join(", ")}`);
  execFileSync("sh", ["-c", next.install], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  const still = missingTools(tools);
  if (still.length) {
    console.error(`preflight: still missing after apt-get: ${still.map((t) => t.path).join(", ")}`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
