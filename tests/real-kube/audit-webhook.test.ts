// The Kubernetes audit webhook with a stock kube-apiserver (#14 item 3): realkube started with
// AUDIT_WEBHOOK_KUBECONFIG set to the kubeconfig the cluster page hands out (HTTPS, the console's CA in
// certificate-authority-data, the cluster's bearer token). Changes made with kubectl as a tenant member reach
// that project's audit search, tenant-scoped and once each, within 5 s. Only against a real API server:
// `npm run test:real-kube` runs it (vitest project real-kube); it starts its own realkube, whose audit
// configuration is fixed at start.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "@prisma/client";
import { ensureWebhookTls } from "@/lib/audit/webhook-tls";
import { issueAuditToken, webhookEndpoint } from "@/lib/audit/token";
import { db } from "@/lib/db/client";
import { updateCluster } from "@/lib/tenancy/clusters";
import { createWorkspace } from "@/lib/tenancy/workspaces";
import { createProject } from "@/lib/tenancy/projects";
import { addMember } from "@/lib/tenancy/members";
import { resolveScope } from "@/lib/tenancy/scope";
import { subjectFor } from "@/lib/kube/rbac";
import { POST as webhookRoute } from "@/app/api/v1/audit/webhook/[cluster]/route";
import { GET as searchRoute } from "@/app/api/v1/audit/events/route";
import { callRoute, tokenFor, type Handler } from "../support/call-route";
import { makeUser, principalOf, uniqueName } from "../support/fixtures";
import { withController } from "../support/controller";
import { freePort } from "@/lib/net/free-port";
import { REALKUBE } from "../support/realkube";

const dir = mkdtempSync(join(tmpdir(), "tenantry-audit-realkube-"));
const realkubeEnv: Record<string, string> = { REALKUBE_DIR: dir };
const controller = withController();

let webhook: Server;
let cluster: string;
let ws: string;
let project: string;
let otherProject: string;
let member: User;
let outsider: User;

/** The console's TLS listener for this test: the webhook route behind the certificate lib/audit/webhook-tls makes. */
async function serveWebhook(tlsDir: string): Promise<number> {
  const tls = ensureWebhookTls(tlsDir, ["127.0.0.1", "localhost"]);
  webhook = createServer({ cert: tls.cert, key: tls.key }, async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(`https://127.0.0.1${req.url}`); // client-go adds ?timeout=…
    const name = decodeURIComponent(url.pathname.split("/").pop()!);
    const request = new Request(url, { method: req.method, headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) });
    const answer = await (webhookRoute as Handler)(request, { params: Promise.resolve({ cluster: name }) });
    res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "text/plain" });
    res.end(await answer.text());
  });
  await new Promise<void>((done) => webhook.listen(0, "127.0.0.1", done));
  return (webhook.address() as AddressInfo).port;
}

const kubectl = (...args: string[]) => {
  const r = spawnSync("kubectl", ["--kubeconfig", join(dir, "admin.kubeconfig"), `--as=${subjectFor(member.username)}`, "-n", project, ...args], { encoding: "utf8" });
  expect(r.stderr).toBe("");
  return r.stdout;
};

async function searchAs(user: User, query: Record<string, string>) {
  const answer = await callRoute(searchRoute as Handler, { method: "GET", path: "/api/v1/audit/events", token: await tokenFor(user), query });
  expect(answer.status).toBe(200);
  return (answer.body as { items: { name: string | null; verb: string; project: string | null; workspace: string | null }[] }).items;
}

beforeAll(async () => {
  cluster = uniqueName("audit-rk");
  await db().cluster.create({ data: { name: cluster, credentials: "v1.not-yet" } });
  // What the cluster page issues, with the console's TLS listener configured.
  const tlsDir = join(dir, "console-tls");
  const port = await serveWebhook(tlsDir);
  const endpoint = webhookEndpoint("http://127.0.0.1:3000", { TENANTRY_AUDIT_TLS_PORT: String(port), TENANTRY_AUDIT_TLS_DIR: tlsDir });
  const issued = await issueAuditToken(cluster, endpoint!);
  expect(issued.webhookUrl).toMatch(/^https:\/\//);
  writeFileSync(join(dir, "audit-webhook.kubeconfig"), issued.kubeconfig);

  for (const key of ["REALKUBE_API_PORT", "REALKUBE_ETCD_PORT", "REALKUBE_ETCD_PEER_PORT", "REALKUBE_KCM_PORT"]) realkubeEnv[key] = String(await freePort());
  const up = spawnSync(REALKUBE, ["up"], { env: { ...process.env, ...realkubeEnv, AUDIT_WEBHOOK_KUBECONFIG: join(dir, "audit-webhook.kubeconfig") }, encoding: "utf8" });
  expect(up.status, up.stderr).toBe(0);
  // The cluster is registered as users register one: the bearer-token cluster-admin.
  await updateCluster(cluster, { kubeconfig: readFileSync(join(dir, "tenantry.kubeconfig"), "utf8") });

  const owner = await makeUser();
  ws = (await createWorkspace({ name: uniqueName("ws"), clusters: [cluster] }, owner)).name;
  const ownerP = await principalOf(owner.username, { workspace: ws });
  project = (await createProject(ws, { name: uniqueName("p"), cluster }, owner, ownerP)).name;
  otherProject = (await createProject(ws, { name: uniqueName("p"), cluster }, owner, ownerP)).name;
  member = await makeUser();
  await addMember(await resolveScope({ workspace: ws }), ownerP, { username: member.username, role: "regular" });
  await addMember(await resolveScope({ workspace: ws, project }), await principalOf(owner.username, { workspace: ws, project }), { username: member.username, role: "operator" });
  outsider = await makeUser();
  await addMember(await resolveScope({ workspace: ws }), ownerP, { username: outsider.username, role: "regular" });
  await addMember(await resolveScope({ workspace: ws, project: otherProject }), await principalOf(owner.username, { workspace: ws, project: otherProject }), { username: outsider.username, role: "operator" });
  await controller.settled({ name: { in: [project, otherProject] } });
}, 240_000);

afterAll(async () => {
  spawnSync(REALKUBE, ["down", "--purge"], { env: { ...process.env, ...realkubeEnv } });
  webhook?.close();
});

describe("kube-apiserver's audit webhook, as the cluster page configures it", () => {
  it("brings a tenant's kubectl changes into that project's audit search, once each, within 5 s", async () => {
    const name = uniqueName("settings");
    const started = Date.now();
    kubectl("create", "configmap", name, "--from-literal=mode=blue");
    kubectl("label", "configmap", name, "tier=web");
    kubectl("delete", "configmap", name);

    let found: Awaited<ReturnType<typeof searchAs>> = [];
    while (Date.now() - started < 5_000) {
      found = (await searchAs(member, { project, source: "kubernetes", resource: "configmaps" })).filter((e) => e.name === name);
      if (["create", "patch", "delete"].every((v) => found.some((e) => e.verb === v))) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    // kubectl reads before it labels and deletes; its three writes are there once each.
    expect(found.map((e) => e.verb).filter((v) => v !== "get").sort()).toEqual(["create", "delete", "patch"]);
    expect(found.every((e) => e.project === project && e.workspace === ws)).toBe(true);
    // The tenant of the other project sees none of it; the API server's retries are stored once.
    expect((await searchAs(outsider, { project, source: "kubernetes" })).filter((e) => e.name === name)).toEqual([]);
    const stored = await db().auditEvent.findMany({ where: { cluster, name, source: "kubernetes", resource: "configmaps" }, select: { auditId: true } });
    expect(new Set(stored.map((e) => e.auditId)).size).toBe(stored.length);
  });
});
