// The real kubectl against the target: discovery, Table output, create, apply and delete.
// kubectl only sends bearer tokens over TLS, so the simulator here serves HTTPS.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "../../sim/index";

const KUBECTL = "/usr/bin/kubectl";
const run = promisify(execFile);
let dir: string;
let sim: Simulator | undefined;
let kubeconfig: string;
const ns = `ct${Date.now().toString(36)}-kubectl`;
const kubectl = async (...args: string[]) => (await run(KUBECTL, ["--kubeconfig", kubeconfig, ...args])).stdout;

describe.runIf(existsSync(KUBECTL))("kubectl", () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "contract-kubectl-"));
    kubeconfig = process.env.KUBE_CONTRACT_KUBECONFIG ?? "";
    if (!kubeconfig) {
      sim = await startSimulator({ name: "kubectl", tls: true, kubeconfigDir: dir });
      kubeconfig = join(dir, "kubectl.kubeconfig");
    }
  });
  afterAll(async () => {
    await kubectl("delete", "ns", ns, "--ignore-not-found", "--wait=false").catch(() => undefined);
    await sim?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("gets namespaces as a table", async () => {
    const out = await kubectl("get", "ns");
    expect(out.split("\n")[0]).toMatch(/^NAME\s+STATUS\s+AGE$/);
    expect(out).toMatch(/^default\s+Active\s+/m);
  });

  it("creates a namespace, applies into it, reads it back and deletes it", async () => {
    expect(await kubectl("create", "ns", ns)).toBe(`namespace/${ns} created\n`);
    const manifest = join(dir, "cm.yaml");
    writeFileSync(manifest, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: ${ns}\ndata:\n  mode: one\n`);
    expect(await kubectl("apply", "-f", manifest)).toBe("configmap/settings created\n");
    writeFileSync(manifest, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: ${ns}\ndata:\n  mode: two\n`);
    expect(await kubectl("apply", "-f", manifest)).toBe("configmap/settings configured\n");
    expect(await kubectl("get", "configmap", "settings", "-n", ns, "-o", "jsonpath={.data.mode}")).toBe("two");
    expect(await kubectl("get", "pods", "-n", ns)).toBe("");
    expect(await kubectl("delete", "ns", ns)).toBe(`namespace "${ns}" deleted\n`);
    await expect(kubectl("get", "ns", ns)).rejects.toThrow(/NotFound|not found/);
  });
});
