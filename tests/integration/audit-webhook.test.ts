// Kubernetes audit ingestion: the webhook with real-format EventLists, its token, dedupe, and bad input.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { eventHash } from "@/lib/audit/chain";
import { verifyChain } from "@/lib/audit/verify";
import { issueAuditToken } from "@/lib/audit/token";
import { POST as webhook } from "@/app/api/v1/audit/webhook/[cluster]/route";
import { uniqueName } from "../support/fixtures";

const fixture = readFileSync(new URL("../fixtures/audit/eventlist.json", import.meta.url), "utf8");

/** The fixture for one namespace, with fresh auditIDs (the same ID stays the same across its stages). */
function eventList(namespace: string): { kind: string; apiVersion: string; items: Record<string, unknown>[] } {
  const list = JSON.parse(fixture.replaceAll("__NAMESPACE__", namespace));
  const ids = new Map<string, string>();
  for (const e of list.items) {
    if (!ids.has(e.auditID)) ids.set(e.auditID, randomUUID());
    e.auditID = ids.get(e.auditID);
  }
  return list;
}

let cluster: string;
let token: string;
let ws: string;
let project: string;

const post = (body: unknown, auth = `Bearer ${token}`, name = cluster) =>
  webhook(
    new Request(`http://localhost/api/v1/audit/webhook/${name}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: auth, "user-agent": "kube-apiserver-admission" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    { params: Promise.resolve({ cluster: name }) },
  );

const countFor = (c = cluster) => db().auditEvent.count({ where: { cluster: c, source: "kubernetes" } });

beforeAll(async () => {
  cluster = uniqueName("audit-c");
  ws = uniqueName("audit-ws");
  project = uniqueName("audit-p");
  const c = await db().cluster.create({ data: { name: cluster, credentials: "v1.unused" } });
  const w = await db().workspace.create({ data: { name: ws } });
  await db().project.create({ data: { name: project, workspaceId: w.id, clusterId: c.id } });
  token = (await issueAuditToken(cluster, { baseUrl: "https://console.example.com" })).token;
});

describe("audit webhook", () => {
  it("issues a token shown once with a webhook kubeconfig, storing only its hash", async () => {
    const issued = await issueAuditToken(cluster, { baseUrl: "https://console.example.com/" });
    expect(issued.webhookUrl).toBe(`https://console.example.com/api/v1/audit/webhook/${cluster}`);
    expect(issued.kubeconfig).toContain(issued.token);
    expect(issued.kubeconfig).toContain(`server: ${issued.webhookUrl}`);
    const row = await db().cluster.findUniqueOrThrow({ where: { name: cluster } });
    expect(row.auditTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(issued.token);
    // The new token revokes the old one.
    expect((await post(eventList(project), `Bearer ${token}`)).status).toBe(401);
    token = issued.token;
  });

  it("stores a real-format EventList, final stages only, tied to project and workspace, secrets redacted", async () => {
    const list = eventList(project);
    const res = await post(list);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: 6, accepted: 5, duplicates: 0, skipped: 1, refused: 0 });

    const rows = await db().auditEvent.findMany({ where: { cluster, source: "kubernetes" }, orderBy: { seq: "asc" } });
    expect(rows).toHaveLength(5);
    const [list1, cm, secret, denied, nodes] = rows;
    expect(list1).toMatchObject({ source: "kubernetes", verb: "list", resource: "pods", namespace: project, workspace: ws, project, statusCode: 200, outcome: "success", username: "alice@example.com", sourceIp: "10.0.12.7" });
    expect(list1!.auditId).toBe(list.items[1]!.auditID);
    expect(list1!.receivedAt.toISOString()).toBe("2026-11-26T09:59:58.101Z");
    expect(cm).toMatchObject({ verb: "create", resource: "configmaps", name: "web-settings", statusCode: 201 });
    expect(JSON.stringify(cm!.request)).toContain("LOG_LEVEL");
    expect(JSON.stringify(cm!.request)).not.toContain("hunter2");
    expect(JSON.stringify(secret!.request)).not.toContain("czNjcjN0LXZhbHVl");
    expect(denied).toMatchObject({ outcome: "denied", statusCode: 403, apiGroup: "apps", name: "web", username: "mallory", sourceIp: "192.0.2.44" });
    expect(denied!.reason).toContain("forbidden");
    expect(nodes).toMatchObject({ resource: "nodes", workspace: null, project: null, namespace: null });
    // Chained in order after whatever came before.
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
  });

  it("stores a ConfigMap whose annotation holds a URL with a password without that password (#13 item 10)", async () => {
    const now = new Date();
    const auditID = randomUUID();
    const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJjaSJ9.c2lnbmF0dXJlLWJ5dGVz";
    const event = {
      kind: "Event", apiVersion: "audit.k8s.io/v1", level: "RequestResponse", auditID, stage: "ResponseComplete",
      requestURI: `/api/v1/namespaces/${project}/configmaps`, verb: "create",
      user: { username: "alice@example.com", groups: ["system:authenticated"] }, sourceIPs: ["10.0.12.7"],
      objectRef: { resource: "configmaps", namespace: project, name: "deploy-source", apiVersion: "v1" },
      responseStatus: { metadata: {}, code: 201 },
      requestObject: {
        kind: "ConfigMap", apiVersion: "v1",
        metadata: { name: "deploy-source", namespace: project, annotations: { "example.com/source": "https://deploy:s3cr3t-pw@git.example.com/web.git" } },
        data: { MODE: "blue", notes: `ci uses ${jwt}` },
      },
      requestReceivedTimestamp: new Date(now.getTime() - 20).toISOString(), stageTimestamp: now.toISOString(),
    };
    const res = await post({ kind: "EventList", apiVersion: "audit.k8s.io/v1", items: [event] });
    expect(await res.json()).toMatchObject({ accepted: 1 });
    const row = await db().auditEvent.findFirstOrThrow({ where: { auditId: auditID } });
    const stored = JSON.stringify(row.request);
    expect(stored).not.toContain("s3cr3t-pw");
    expect(stored).not.toContain(jwt);
    // What is not a credential stays readable: the repository, the other values.
    expect(stored).toContain("git.example.com/web.git");
    expect(stored).toContain('"MODE":"blue"');
    expect(stored).toContain("[redacted]");
  });

  it("keeps credentials out of the event's own fields, and stores a message cut inside a surrogate pair as U+FFFD under an intact chain", async () => {
    const now = new Date();
    const common = {
      kind: "Event", apiVersion: "audit.k8s.io/v1", level: "Metadata", stage: "ResponseComplete", verb: "create",
      user: { username: "alice@example.com", groups: ["system:authenticated"] }, sourceIPs: ["10.0.12.7"],
      requestReceivedTimestamp: new Date(now.getTime() - 20).toISOString(), stageTimestamp: now.toISOString(),
    };
    const credentials = {
      ...common, auditID: randomUUID(), requestURI: `/api/v1/namespaces/${project}/configmaps?token=t0ps3cr3t-query`,
      objectRef: { resource: "configmaps", namespace: project, name: "nested-credential" }, responseStatus: { metadata: {}, code: 201 },
      annotations: { "example.com/note": "pulled from https://ci:an0ther-pw@registry.example.com/web" },
    };
    // The reason keeps 1,000 characters and the request's message 2,000: both cuts fall inside an emoji.
    const cut = {
      ...common, auditID: randomUUID(), requestURI: `/api/v1/namespaces/${project}/configmaps`,
      objectRef: { resource: "configmaps", namespace: project, name: "cut-message" },
      responseStatus: { metadata: {}, code: 422, message: "x".repeat(999) + "\u{1F600}".repeat(600) },
    };
    const res = await post({ kind: "EventList", apiVersion: "audit.k8s.io/v1", items: [credentials, cut] });
    expect(await res.json()).toMatchObject({ accepted: 2, refused: 0 });
    const rows = await db().auditEvent.findMany({ where: { auditId: { in: [credentials.auditID, cut.auditID] } }, orderBy: { seq: "asc" } });
    const stored = JSON.stringify(rows[0]!.request);
    expect(stored).not.toContain("t0ps3cr3t-query");
    expect(stored).not.toContain("an0ther-pw");
    expect(stored).toContain("registry.example.com/web");
    expect(rows[1]!.reason).toBe("x".repeat(999) + "\ufffd");
    expect((rows[1]!.request as { responseStatus: { message: string } }).responseStatus.message).toMatch(/\ufffd$/);
    for (const row of rows) expect(eventHash(row.prevHash, row)).toBe(row.hash);
  });

  it("deduplicates a retried batch and duplicates inside one batch", async () => {
    const list = eventList(project);
    const before = await countFor();
    expect(await (await post(list)).json()).toMatchObject({ accepted: 5, duplicates: 0 });
    expect(await (await post(list)).json()).toMatchObject({ accepted: 0, duplicates: 5 });
    const doubled = { ...list, items: [...list.items, ...list.items] };
    expect(await (await post(doubled)).json()).toMatchObject({ accepted: 0, duplicates: 10 });
    expect(await countFor()).toBe(before + 5);
  });

  it("stores the new events of a batch that repeats stored ones, after them on an intact chain", async () => {
    const first = eventList(project);
    expect(await (await post(first)).json()).toMatchObject({ accepted: 5, duplicates: 0 });
    const more = eventList(project).items.filter((e) => e.stage === "ResponseComplete").slice(0, 3);
    const before = await countFor();
    expect(await (await post({ ...first, items: [...first.items, ...more] })).json()).toMatchObject({ accepted: 3, duplicates: 5 });
    expect(await countFor()).toBe(before + 3);
    expect((await verifyChain()).intact).toBe(true);
  });

  it("stores a batch posted twice at once only once", async () => {
    const list = eventList(project);
    const before = await countFor();
    const answers = await Promise.all([post(list), post(list)].map(async (r) => (await r).json()));
    expect(answers.map((a) => a.accepted).sort()).toEqual([0, 5]);
    expect(answers.map((a) => a.duplicates).sort()).toEqual([0, 5]);
    expect(await countFor()).toBe(before + 5);
    expect((await verifyChain()).intact).toBe(true);
  });

  it("keys its deduplication by time first: a random auditID leads no index of the log, where every insert would land in a random leaf", async () => {
    const indexes = await db().$queryRaw<{ indexdef: string }[]>`SELECT indexdef FROM pg_indexes WHERE tablename = 'AuditEvent'`;
    const keys = indexes.map((i) => ({ unique: i.indexdef.startsWith("CREATE UNIQUE"), columns: /\((.*)\)$/.exec(i.indexdef)![1]! }));
    expect(keys).toContainEqual({ unique: true, columns: `"receivedAt", "auditId"` });
    expect(keys.filter((k) => k.columns.startsWith(`"auditId"`))).toEqual([]);
  });

  it("accepts a batch of 400+ events at once", async () => {
    const base = eventList(project).items[2]!;
    const items = Array.from({ length: 450 }, (_, i) => ({ ...base, auditID: randomUUID(), objectRef: { resource: "configmaps", namespace: project, name: `cm-${i}` } }));
    const before = await countFor();
    const started = Date.now();
    const res = await post({ kind: "EventList", apiVersion: "audit.k8s.io/v1", items });
    expect(await res.json()).toMatchObject({ accepted: 450 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await countFor()).toBe(before + 450);
    const names = (await db().auditEvent.findMany({ where: { cluster, name: { startsWith: "cm-" } }, orderBy: { seq: "asc" }, select: { name: true } })).map((r) => r.name);
    expect(names.slice(-450)).toEqual(items.map((i) => i.objectRef.name));
  });

  it("refuses a missing, wrong or other cluster's token with 401, storing nothing but the denial", async () => {
    const other = uniqueName("audit-o");
    await db().cluster.create({ data: { name: other, credentials: "v1.unused" } });
    const otherToken = (await issueAuditToken(other, { baseUrl: "https://x" })).token;
    const before = await countFor();
    for (const [auth, name] of [["", cluster], ["Bearer nope", cluster], [`Bearer ${otherToken}`, cluster], [`Bearer ${token}`, other], [`Bearer ${token}`, "no-such-cluster"]] as const) {
      const res = await post(eventList(project), auth, name);
      expect(res.status).toBe(401);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    expect(await countFor()).toBe(before);
    expect(await countFor(other)).toBe(0);
    const denials = await db().auditEvent.findMany({ where: { action: "audit.webhook", cluster: { in: [cluster, other] }, outcome: "denied" } });
    expect(denials.length).toBeGreaterThanOrEqual(4);
    expect(denials.every((d) => d.statusCode === 401)).toBe(true);
  });

  it("refuses malformed bodies with 400/422 and stores none of the batch", async () => {
    const before = await countFor();
    expect((await post("{not json")).status).toBe(400);
    expect((await post({ kind: "PodList", apiVersion: "v1", items: [] })).status).toBe(422);
    const list = eventList(project);
    // One bad event among good ones: the whole batch is refused.
    list.items[3] = { ...list.items[3], stageTimestamp: "yesterday", verb: undefined };
    const res = await post(list);
    expect(res.status).toBe(422);
    const problem = await res.json();
    expect(problem).toMatchObject({ status: 422, code: "invalid" });
    expect(problem.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(["items.3.verb", "items.3.stageTimestamp"]));
    expect(await countFor()).toBe(before);
    const failures = await db().auditEvent.count({ where: { action: "audit.webhook", cluster, outcome: "failure" } });
    expect(failures).toBe(3);
  });
});
