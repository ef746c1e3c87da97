// The real kubectl against the target: discovery, Table output, create, apply and delete.
// kubectl only sends bearer tokens over TLS, so the simulator here serves HTTPS. Its typed
// `create` commands send protobuf bodies (and do not fall back to JSON on a 415).
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

  it("refuses, with --validate=strict (kubectl's default), a field the kind does not declare; accepts the API object", async () => {
    const limitRange = (field: string) => `apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: limits\n  namespace: default\nspec:\n  limits:\n  - type: Container\n    ${field}:\n      cpu: 500m\n`;
    const manifest = join(dir, "limits.yaml");
    writeFileSync(manifest, limitRange("_default"));
    // client-node's name for `default`: what a serialised client model carries.
    await expect(kubectl("apply", "--dry-run=server", "-f", manifest)).rejects.toThrow(/strict decoding error: unknown field "spec\.limits\[0\]\._default"/);
    writeFileSync(manifest, limitRange("default"));
    expect(await kubectl("apply", "--dry-run=server", "-f", manifest)).toBe("limitrange/limits created (server dry run)\n");
    await expect(kubectl("get", "limitrange", "limits", "-n", "default")).rejects.toThrow(/NotFound|not found/);
  });

  describe("typed create commands", () => {
    const space = `${ns}-create`;
    beforeAll(async () => { await kubectl("create", "ns", space); });
    afterAll(async () => { await kubectl("delete", "ns", space, "--wait=false").catch(() => undefined); });

    it.each([
      ["rolebinding", ["rolebinding", "rb", "--clusterrole=view", "--user=bob", "--group=dev"], "rolebinding.rbac.authorization.k8s.io/rb", "{.roleRef.name} {.subjects[*].name}", "view bob dev"],
      ["role", ["role", "pod-reader", "--verb=get,list", "--resource=pods", "--resource-name=web"], "role.rbac.authorization.k8s.io/pod-reader", "{.rules[0].verbs} {.rules[0].resourceNames}", '["get","list"] ["web"]'],
      ["quota", ["quota", "q", "--hard=pods=2,limits.memory=1Gi"], "resourcequota/q", "{.spec.hard.pods} {.spec.hard.limits\\.memory}", "2 1Gi"],
      ["secret generic", ["secret", "generic", "s", "--from-literal=pw=secret"], "secret/s", "{.type} {.data.pw}", `Opaque ${Buffer.from("secret").toString("base64")}`],
      ["configmap", ["configmap", "c", "--from-literal=mode=one"], "configmap/c", "{.data.mode}", "one"],
      ["serviceaccount", ["serviceaccount", "robot"], "serviceaccount/robot", "{.metadata.name}", "robot"],
      ["deployment", ["deployment", "web", "--image=nginx:1.27", "--replicas=0", "--port=8080"], "deployment.apps/web", "{.spec.replicas} {.spec.template.spec.containers[0].image} {.spec.template.spec.containers[0].ports[0].containerPort}", "0 nginx:1.27 8080"],
    ])("kubectl create %s", async (_, args, object, jsonpath, expected) => {
      expect(await kubectl("create", "-n", space, ...args)).toBe(`${object} created\n`);
      expect(await kubectl("get", "-n", space, object, "-o", `jsonpath=${jsonpath}`)).toBe(expected);
    });
  });
});
