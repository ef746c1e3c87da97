// `npm run test:real-kube`, the real-cluster passes of `npm test`, against a Kubernetes v1.36 control
// plane (../shared/kube/realkube): the contract suite by impersonation and (the files acting as a user) as the token user alice,
// the provisioning, isolation, access-control, workloads and quota-effect (previews through kubectl) integration
// tests, the audit webhook with a kube-apiserver sending to it (tests/real-kube/audit-webhook.test.ts, which starts
// that one itself), a Playwright journey with a console registered on it, and deploy/ with the image's contents
// (tests/real-kube/deploy.test.ts).
// The cluster is TENANTRY_REALKUBE (the state directory of a running realkube, as .ci/run starts one), or one of
// its own on free ports, stopped and purged afterwards.
// Without either it prints why and passes: the simulator passes of `npm test` still ran.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync } from "node:fs";
import { freePort } from "../lib/net/free-port.ts";
import { REALKUBE } from "../tests/support/realkube.ts";
import { tmpdir } from "node:os";
import { join } from "node:path";

function run(label: string, command: string, args: string[], env: Record<string, string> = {}) {
  const started = Date.now();
  console.log(`\n[real-kube] ${label}`);
  const r = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  console.log(`[real-kube] ${label}: ${r.status === 0 ? "passed" : "FAILED"} in ${Math.round((Date.now() - started) / 1000)} s`);
  return r.status === 0;
}

/** A pass run beside the next ones (run() blocks this process meanwhile): its output goes to a file, printed once
 *  it is awaited; the file's last write says when it ended. */
function runBeside(label: string, command: string, args: string[], env: Record<string, string> = {}): () => Promise<boolean> {
  const log = join(mkdtempSync(join(tmpdir(), "tenantry-pass-")), "output.log");
  const fd = openSync(log, "w");
  const started = Date.now();
  console.log(`\n[real-kube] ${label}: started beside the next passes, output below when it has ended`);
  const child = spawn(command, args, { stdio: ["ignore", fd, fd], env: { ...process.env, ...env } });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve).on("error", () => resolve(null)));
  return async () => {
    const code = await exited;
    closeSync(fd);
    console.log(`\n[real-kube] ${label}`);
    process.stdout.write(readFileSync(log));
    console.log(`[real-kube] ${label}: ${code === 0 ? "passed" : "FAILED"} in ${Math.round((statSync(log).mtimeMs - started) / 1000)} s`);
    return code === 0;
  };
}

let dir = process.env.TENANTRY_REALKUBE;
let own: Record<string, string> | undefined;
if (!dir) {
  if (!existsSync(REALKUBE)) {
    console.log(`[real-kube] ${REALKUBE} not found: real-cluster passes not run (set TENANTRY_REALKUBE to a running realkube's directory)`);
    process.exit(0);
  }
  dir = mkdtempSync(join(tmpdir(), "tenantry-realkube-"));
  own = { REALKUBE_DIR: dir, REALKUBE_API_PORT: "", REALKUBE_ETCD_PORT: "", REALKUBE_ETCD_PEER_PORT: "", REALKUBE_KCM_PORT: "" };
  for (const key of Object.keys(own).slice(1)) own[key] = String(await freePort());
  if (!run(`starting realkube in ${dir}`, REALKUBE, ["up"], own)) {
    spawnSync(REALKUBE, ["down", "--purge"], { stdio: "inherit", env: { ...process.env, ...own } });
    process.exit(1);
  }
}

const admin = join(dir, "admin.kubeconfig");
if (!existsSync(admin)) throw new Error(`TENANTRY_REALKUBE=${dir} has no admin.kubeconfig: is realkube up there?`);
const alice = readFileSync(join(dir, "tokens.csv"), "utf8").split("\n").find((l) => l.split(",")[1] === "alice")!.split(",")[0];
const vitest = ["vitest", "run", "--project", "integration"];
// The contract files that act as a non-admin user (Target.user()): the only ones the token user changes.
const actAsUser = readdirSync("tests/contract").filter((f) => f.endsWith(".test.ts") && readFileSync(join("tests/contract", f), "utf8").includes(".user(")).map((f) => join("tests/contract", f));
type Pass = [string, string[], Record<string, string>];
const contract: Pass[] = [
  ["contract suite, realkube, impersonated users", [...vitest, "tests/contract"], { KUBE_CONTRACT_KUBECONFIG: admin }],
  ["contract suite, realkube, token user alice", [...vitest, ...actAsUser], { KUBE_CONTRACT_KUBECONFIG: admin, KUBE_CONTRACT_USER_TOKEN: alice }],
];
// Beside the contract passes, which send only requests: it starts a realkube of its own (the audit webhook is an
// API server flag), so it needs the script, and an embedded database of its own (each vitest run resets the
// shared test database's schema when it starts).
const webhook: Pass | undefined = existsSync(REALKUBE)
  ? ["audit webhook, a realkube of its own sending to it", ["vitest", "run", "--project", "real-kube", "tests/real-kube/audit-webhook.test.ts"], { TENANTRY_TEST_DATABASE_URL: "" }]
  : undefined;
const passes: Pass[] = [
  ["integration tests, realkube", [...vitest, "tests/integration/projects.test.ts", "tests/integration/isolation.test.ts", "tests/integration/access-control.test.ts", "tests/integration/workloads.test.ts", "tests/integration/project-move.test.ts", "tests/integration/quota-effect.test.ts", "tests/integration/membership-expiry.test.ts", "tests/integration/reconciler.test.ts", "tests/integration/cluster-nodes.test.ts"], { TENANTRY_TEST_REALKUBE: dir }],
  ["Playwright journey, console on realkube", ["playwright", "test", "e2e/real-cluster.spec.ts"], { TENANTRY_TEST_REALKUBE: dir }],
  // Last: its console, in-cluster as the manifests' ServiceAccount, takes the admission policy over from the others'.
  ["deploy/ applied (dry-run=server), the image's contents serving in-cluster as its ServiceAccount", ["vitest", "run", "--project", "real-kube", "tests/real-kube/deploy.test.ts"], { TENANTRY_TEST_REALKUBE: dir }],
];
if (!webhook) console.log(`[real-kube] ${REALKUBE} not found: the audit webhook pass not run (set TENANTRY_REALKUBE_BIN to the realkube script)`);
let ok = true;
try {
  const webhookPassed = webhook ? runBeside(webhook[0], "npx", webhook[1], webhook[2]) : async () => true;
  for (const [label, args, env] of contract) ok = run(label, "npx", args, env) && ok;
  // The timing-sensitive passes (the reconciler's pass counts, the journey) run alone.
  ok = (await webhookPassed()) && ok;
  for (const [label, args, env] of passes) ok = run(label, "npx", args, env) && ok;
} finally {
  if (own) spawnSync(REALKUBE, ["down", "--purge"], { stdio: "inherit", env: { ...process.env, ...own } });
}
process.exit(ok ? 0 : 1);
