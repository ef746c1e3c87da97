// The Kubernetes manifests as `kubectl kustomize` renders them, checked without a cluster: what the issue asks of
// them (probes, security context, spread, Secret references, migrations in an init container), that the
// Deployment's environment passes the server's own configuration check, that the RBAC is tied to the code's names,
// and that the Dockerfile runs the image build script the tests run. tests/real-kube/deploy.test.ts applies them.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { V1ClusterRole, V1Deployment, V1EnvVar, V1Ingress, V1NetworkPolicy, V1PolicyRule, V1Service } from "@kubernetes/client-node";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { POLICY_NAME } from "@/lib/kube/admission-policy";
import { sameJson } from "@/lib/kube/owned";
import { CLUSTER_ROLES, clusterRoleName, PLATFORM_BINDING, PLATFORM_VIEWERS_GROUP, type KubeRole } from "@/lib/kube/rbac";
import { configProblems } from "@/lib/setup/config";
import { SERVER_NODE_FLAGS } from "../scripts/server-flags";

type Doc = { kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> } } & Record<string, unknown>;

const render = (dir: string): Doc[] =>
  parseAllDocuments(execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8" })).map((d) => d.toJSON() as Doc);
const production = render("deploy/overlays/production");
const base = render("deploy/base");
const one = <T,>(docs: Doc[], kind: string, name: string) => {
  const found = docs.filter((d) => d.kind === kind && d.metadata.name === name);
  expect(found, `${kind}/${name}`).toHaveLength(1);
  return found[0] as unknown as T;
};
const deployment = one<V1Deployment>(production, "Deployment", "tenantry");
const pod = deployment.spec!.template.spec!;
const console_ = pod.containers.find((c) => c.name === "console")!;
const podLabels = deployment.spec!.template.metadata!.labels!;
const selects = (selector: Record<string, string> | undefined) => Object.entries(selector ?? {}).every(([k, v]) => podLabels[k] === v);

describe("deploy/ rendered by kubectl kustomize", () => {
  it("has everything the issue lists, in one namespace, three replicas in production", () => {
    const kinds = new Set(production.map((d) => d.kind));
    for (const kind of ["Namespace", "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Deployment", "Service", "PodDisruptionBudget", "NetworkPolicy", "Ingress"]) expect(kinds).toContain(kind);
    const clusterScoped = new Set(["Namespace", "ClusterRole", "ClusterRoleBinding"]);
    for (const d of production.filter((d) => !clusterScoped.has(d.kind))) expect(d.metadata.namespace, `${d.kind}/${d.metadata.name}`).toBe("tenantry-system");
    expect(deployment.spec!.replicas).toBe(3);
    expect(one<V1Deployment>(base, "Deployment", "tenantry").spec!.replicas).toBe(1);
    expect(one<Doc>(production, "Namespace", "tenantry-system").metadata.labels?.["pod-security.kubernetes.io/enforce"]).toBe("restricted");
  });

  it("runs as a non-root user on a read-only root filesystem, without capabilities, writing only to emptyDirs", () => {
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } });
    for (const c of [...pod.initContainers!, ...pod.containers]) {
      expect(c.securityContext, c.name).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } });
      expect(c.resources?.requests?.memory, c.name).toBeTruthy();
      expect(c.resources?.limits?.memory, c.name).toBeTruthy();
      for (const m of c.volumeMounts ?? []) {
        const volume = pod.volumes!.find((v) => v.name === m.name)!;
        // Writable: scratch space and Next's cache, both emptyDirs. The certificate is a read-only Secret.
        if (volume.secret) expect(m.readOnly, m.mountPath).toBe(true);
        else expect(volume.emptyDir, m.mountPath).toBeDefined();
      }
    }
    expect(console_.volumeMounts!.map((m) => m.mountPath)).toEqual(expect.arrayContaining(["/tmp", "/app/.next/cache"]));
    // The image's user is the one the pod runs as (the kubelet checks runAsNonRoot against a numeric USER).
    const user = /^USER (\d+):(\d+)$/m.exec(readFileSync("Dockerfile", "utf8"));
    expect(user && [Number(user[1]), Number(user[2])]).toEqual([pod.securityContext!.runAsUser, pod.securityContext!.runAsGroup]);
  });

  it("probes readiness at /api/readyz and liveness at /api/healthz, and spreads replicas over nodes and zones", () => {
    expect(console_.readinessProbe?.httpGet).toMatchObject({ path: "/api/readyz", port: "http" });
    expect(console_.livenessProbe?.httpGet).toMatchObject({ path: "/api/healthz", port: "http" });
    expect(console_.startupProbe?.httpGet).toMatchObject({ path: "/api/healthz", port: "http" });
    const spread = pod.topologySpreadConstraints!;
    expect(spread.map((s) => s.topologyKey)).toEqual(["kubernetes.io/hostname", "topology.kubernetes.io/zone"]);
    for (const s of spread) expect(selects(s.labelSelector!.matchLabels)).toBe(true);
    // Longer than the preStop pause plus the drain bound of scripts/serve.mjs (10 s by default).
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(5 + 10);
  });

  it("runs the migrations (npm run db:migrate) in an init container with the database URL from the Secret", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8"));
    expect(pkg.scripts["db:migrate"]).toBe("prisma migrate deploy");
    const bin = JSON.parse(readFileSync("node_modules/prisma/package.json", "utf8")).bin.prisma;
    const [migrate] = pod.initContainers!;
    expect(migrate!.command).toEqual(["node", join("node_modules/prisma", bin), "migrate", "deploy"]);
    expect(migrate!.image).toBe(console_.image);
    expect(migrate!.env!.find((e) => e.name === "DATABASE_URL")?.valueFrom?.secretKeyRef).toEqual({ name: "tenantry", key: "DATABASE_URL" });
  });

  it("takes the secrets from the Secret `tenantry`, and its environment passes the server's configuration check", () => {
    const env = new Map<string, V1EnvVar>(console_.env!.map((e) => [e.name, e]));
    for (const name of ["DATABASE_URL", "TENANTRY_SECRET_KEY", "NEXTAUTH_SECRET"]) expect(env.get(name)?.valueFrom?.secretKeyRef).toEqual({ name: "tenantry", key: name });
    for (const name of ["TENANTRY_METRICS_TOKEN", "TENANTRY_ADMIN_PASSWORD"]) expect(env.get(name)?.valueFrom?.secretKeyRef).toEqual({ name: "tenantry", key: name, optional: true });
    // The mounted certificate, as cert-manager lays it out.
    const tls = mkdtempSync(join(tmpdir(), "deploy-tls-"));
    for (const f of ["tls.crt", "tls.key", "ca.crt"]) writeFileSync(join(tls, f), "pem");
    const secretValues: Record<string, string> = { DATABASE_URL: "postgresql://tenantry:pw@postgres:5432/tenantry", TENANTRY_SECRET_KEY: "k".repeat(44), NEXTAUTH_SECRET: "s".repeat(44), TENANTRY_METRICS_TOKEN: "m".repeat(32), TENANTRY_ADMIN_PASSWORD: "first-sign-in-9" };
    const values = Object.fromEntries([...env].map(([name, e]) => [name, e.valueFrom ? secretValues[name] : e.value]));
    expect(values.TENANTRY_AUDIT_TLS_DIR).toBe(console_.volumeMounts!.find((m) => m.name === "audit-tls")!.mountPath);
    expect(configProblems({ ...values, TENANTRY_AUDIT_TLS_DIR: tls })).toEqual([]);
    expect(values.TENANTRY_AUDIT_TLS_PORT).toBe(String(console_.ports!.find((p) => p.name === "audit-webhook")!.containerPort));
  });

  it("mounts the audit webhook certificate from the Secret the cert-manager example fills", () => {
    const certificate = parseAllDocuments(readFileSync("deploy/examples/cert-manager.yaml", "utf8")).map((d) => d.toJSON()).find((d) => d.kind === "Certificate" && !d.spec.isCA);
    expect(pod.volumes!.find((v) => v.name === "audit-tls")?.secret?.secretName).toBe(certificate.spec.secretName);
    const url = new URL(console_.env!.find((e) => e.name === "TENANTRY_AUDIT_WEBHOOK_URL")!.value!);
    expect(certificate.spec.dnsNames).toContain(url.hostname);
  });

  it("routes the Services, the Ingress, the PodDisruptionBudget and the NetworkPolicy to the console's ports", () => {
    const ports = new Set(console_.ports!.map((p) => p.name));
    for (const name of ["tenantry", "tenantry-audit-webhook"]) {
      const svc = one<V1Service>(production, "Service", name);
      expect(selects(svc.spec!.selector)).toBe(true);
      for (const p of svc.spec!.ports!) expect(ports).toContain(p.targetPort);
    }
    const ingress = one<V1Ingress>(production, "Ingress", "tenantry");
    const backend = ingress.spec!.rules![0]!.http!.paths[0]!.backend.service!;
    expect(backend.name).toBe("tenantry");
    expect(one<V1Service>(production, "Service", "tenantry").spec!.ports!.map((p) => p.name)).toContain(backend.port!.name);
    expect(selects(one<{ spec: { selector: { matchLabels: Record<string, string> } } }>(production, "PodDisruptionBudget", "tenantry").spec.selector.matchLabels)).toBe(true);
    const policy = one<V1NetworkPolicy>(production, "NetworkPolicy", "tenantry");
    expect(selects(policy.spec!.podSelector!.matchLabels)).toBe(true);
    expect(new Set(policy.spec!.ingress!.flatMap((r) => r.ports!.map((p) => p.port)))).toEqual(ports);
  });

  it("ships the project ClusterRoles exactly as the code keeps them, and binds the console's own role to its ServiceAccount", () => {
    for (const [role, rules] of Object.entries(CLUSTER_ROLES) as [KubeRole, V1PolicyRule[]][]) {
      const shipped = one<V1ClusterRole>(production, "ClusterRole", clusterRoleName(role));
      expect(sameJson(shipped.rules, rules), clusterRoleName(role)).toBe(true);
      expect(shipped.metadata!.labels!["app.kubernetes.io/managed-by"]).toBe("tenantry");
    }
    const binding = one<{ roleRef: { name: string }; subjects: { kind: string; name: string; namespace: string }[] }>(production, "ClusterRoleBinding", "tenantry");
    expect(binding.roleRef.name).toBe("tenantry");
    expect(binding.subjects).toEqual([{ kind: "ServiceAccount", name: pod.serviceAccountName, namespace: "tenantry-system" }]);
    one(production, "ServiceAccount", pod.serviceAccountName!);
  });

  it("gives the console no wildcard, no Secrets or workloads, and escalate, bind and named objects only by the code's names", () => {
    const rules = one<V1ClusterRole>(production, "ClusterRole", "tenantry").rules!;
    for (const r of rules) for (const field of [r.apiGroups, r.resources, r.verbs]) expect(field).not.toContain("*");
    const resources = new Set(rules.flatMap((r) => r.resources!));
    for (const r of ["secrets", "pods", "pods/exec", "deployments", "configmaps", "roles"]) expect(resources).not.toContain(r);
    const named = (resource: string, verb: string) => rules.filter((r) => r.resources!.includes(resource) && r.verbs.includes(verb)).map((r) => r.resourceNames);
    const projectRoles = Object.keys(CLUSTER_ROLES).map((r) => clusterRoleName(r as KubeRole)).sort();
    for (const verb of ["escalate", "bind", "update"]) expect(named("clusterroles", verb).map((n) => n?.slice().sort())).toEqual([projectRoles]);
    expect(named("clusterroles", "create")).toEqual([]);
    for (const verb of ["update", "delete"]) expect(named("clusterrolebindings", verb)).toEqual([[PLATFORM_BINDING]]);
    for (const verb of ["get", "update"]) expect(named("validatingadmissionpolicies", verb)).toEqual([[POLICY_NAME]]);
    expect(named("groups", "impersonate")).toEqual([[PLATFORM_VIEWERS_GROUP]]);
  });
});

describe("Dockerfile", () => {
  const dockerfile = readFileSync("Dockerfile", "utf8");

  it("builds with scripts/image-build.mts (what the tests run) and starts scripts/serve.mjs on the Deployment's ports", () => {
    expect(dockerfile).toMatch(/^RUN node_modules\/\.bin\/tsx scripts\/image-build\.mts \/out$/m);
    expect(dockerfile).toMatch(/^COPY --from=build \/out \/app$/m);
    expect(dockerfile).toMatch(/^WORKDIR \/app$/m);
    expect(dockerfile).toContain(`CMD [${["node", ...SERVER_NODE_FLAGS, "scripts/serve.mjs"].map((a) => `"${a}"`).join(", ")}]`);
    const exposed = /^EXPOSE (.+)$/m.exec(dockerfile)![1]!.split(" ").map(Number);
    expect(exposed).toEqual(console_.ports!.map((p) => p.containerPort));
  });

  it("starts the server with the Node flags `npm start` and the demo's launcher give it", () => {
    const { scripts } = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
    expect(scripts.start).toBe(["node", ...SERVER_NODE_FLAGS, "scripts/serve.mjs"].join(" "));
    expect(SERVER_NODE_FLAGS).toContain("--max-semi-space-size=64");
  });
});
