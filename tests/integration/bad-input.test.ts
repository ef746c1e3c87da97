// Security #13 (7, 8): bad input is a 4xx problem, never a 500 nor a stored half-change; bodies are capped while they stream.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { issueAuditToken } from "@/lib/audit/token";
import { POST as webhook } from "@/app/api/v1/audit/webhook/[cluster]/route";
import { POST as createToken } from "@/app/api/v1/me/tokens/route";
import { GET as users } from "@/app/api/v1/users/route";
import { GET as auditEvents } from "@/app/api/v1/audit/events/route";
import { GET as auditExport } from "@/app/api/v1/audit/export/route";
import { PUT as putProjectQuota } from "@/app/api/v1/workspaces/[ws]/projects/[project]/quota/route";
import { PUT as putProjectNetwork } from "@/app/api/v1/workspaces/[ws]/projects/[project]/network/route";
import { callRoute, tokenFor } from "../support/call-route";
import { makeUser, uniqueName } from "../support/fixtures";

/** A body sent chunked (no Content-Length), `mib` MiB of JSON string. */
function chunked(mib: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode("a".repeat(1024 * 1024));
  let sent = 0;
  return new ReadableStream({
    pull(c) {
      if (sent === 0) c.enqueue(new TextEncoder().encode('{"name":"'));
      if (sent++ < mib) c.enqueue(chunk);
      else c.close();
    },
  });
}

let token: string;
let admin: string;
let cluster: string;
let hook: string;
beforeAll(async () => {
  token = await tokenFor(await makeUser());
  admin = await tokenFor(await makeUser("platform-admin"));
  cluster = uniqueName("bad-c");
  await db().cluster.create({ data: { name: cluster, credentials: "v1.unused" } });
  hook = (await issueAuditToken(cluster, { baseUrl: "https://console.example.com" })).token;
});

const post = (body: BodyInit, init: RequestInit = {}) =>
  webhook(
    new Request(`http://localhost/api/v1/audit/webhook/${cluster}`, { method: "POST", headers: { authorization: `Bearer ${hook}` }, body, duplex: "half", ...init } as RequestInit),
    { params: Promise.resolve({ cluster }) },
  );

const event = (over: Record<string, unknown> = {}) => ({
  level: "Metadata", auditID: randomUUID(), stage: "ResponseComplete", requestURI: "/api/v1/namespaces", verb: "list",
  user: { username: "alice" }, responseStatus: { code: 200 },
  requestReceivedTimestamp: new Date().toISOString(), stageTimestamp: new Date().toISOString(), ...over,
});

describe("request bodies are capped while they stream in", () => {
  it("cuts off a chunked body without Content-Length to /me/tokens with 413 problem+json", async () => {
    const req = new Request("http://localhost/api/v1/me/tokens", { method: "POST", headers: { authorization: `Bearer ${token}` }, body: chunked(30), duplex: "half" } as RequestInit);
    const res = await createToken(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });

  it("cuts off a 70 MB chunked batch to the audit webhook with 413", async () => {
    const res = await post(chunked(70));
    expect(res.status).toBe(413);
    expect((await res.json()).code).toBe("too_large");
  });
});

describe("NUL and lone surrogates are refused naming the field", () => {
  it.each([["NUL", "a\u0000b"], ["lone surrogate", "a\ud800b"]])("%s in a body string", async (_, name) => {
    const res = await callRoute(createToken, { method: "POST", path: "/api/v1/me/tokens", token, body: { name } });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ issues: [{ path: "name" }] });
  });

  it.each(["q", "cursor"])("NUL in the query %s of a list", async (key) => {
    const res = await callRoute(users, { method: "GET", path: "/api/v1/users", token: admin, query: { [key]: "x\u0000" } });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ issues: [{ path: key }] });
  });

  it("in the audit search filters", async () => {
    const res = await callRoute(auditEvents, { method: "GET", path: "/api/v1/audit/events", token: admin, query: { user: "\u0000" } });
    expect(res.status).toBe(422);
  });
});

describe("LIKE wildcards match themselves", () => {
  it.each(["%", "_"])("q=%s finds no one without that character in their name", async (q) => {
    const res = await callRoute(users, { method: "GET", path: "/api/v1/users", token: admin, query: { q } });
    expect(res.status).toBe(200);
    expect((res.body as { items: unknown[] }).items).toEqual([]);
  });
});

describe("audit search and export outside PostgreSQL's range", () => {
  it.each<Record<string, string>>([{ from: "-200000-01-01" }, { to: "+200000-01-01T00:00:00Z" }, { cursor: "999999999999999.1" }, { cursor: "1764000000000.99999999999999999999" }])("refuses %j with 422", async (query) => {
    const res = await callRoute(auditEvents, { method: "GET", path: "/api/v1/audit/events", token: admin, query });
    expect(res.status).toBe(422);
  });

  it("export answers 422 before any 200", async () => {
    const res = await callRoute(auditExport, { method: "GET", path: "/api/v1/audit/export", token: admin, query: { from: "-200000-01-01" } });
    expect(res.status).toBe(422);
  });
});

describe("audit webhook timestamps and strings", () => {
  it("refuses events dated year -200000, 2099 or holding a NUL, one by one, storing the rest", async () => {
    const good = event();
    const res = await post(JSON.stringify({ kind: "EventList", apiVersion: "audit.k8s.io/v1", items: [
      good,
      event({ requestReceivedTimestamp: "-200000", stageTimestamp: "-200000" }),
      event({ requestReceivedTimestamp: "2099-01-01T00:00:00Z", stageTimestamp: "2099-01-01T00:00:00Z" }),
      event({ user: { username: "mallory\u0000" } }),
    ] }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ received: 4, accepted: 1, refused: 3 });
    expect(body.refusals.map((r: { reason: string }) => r.reason).join("\n")).toMatch(/retention[\s\S]*future[\s\S]*NUL/);
    expect(await db().auditEvent.count({ where: { cluster } })).toBeGreaterThanOrEqual(1);
    expect(await db().auditEvent.count({ where: { cluster, receivedAt: { gt: new Date(Date.now() + 3600_000) } } })).toBe(0);
  });
});

describe("a project's quota and network allow-list refuse what Kubernetes would not parse, storing nothing", () => {
  const ws = uniqueName("bad-ws");
  const project = uniqueName("bad-p");
  const QUOTA = { hard: { "requests.cpu": "1", pods: "10" } };
  const NETWORK = { isolated: true, allow: [{ cidr: "10.0.0.0/8", except: ["10.1.0.0/16"], ports: [{ port: 443, protocol: "TCP" }] }] };
  beforeAll(async () => {
    const c = await db().cluster.findUniqueOrThrow({ where: { name: cluster } });
    const w = await db().workspace.create({ data: { name: ws, clusters: { create: { clusterId: c.id } } } });
    await db().project.create({ data: { name: project, workspaceId: w.id, clusterId: c.id, quota: QUOTA, network: NETWORK } });
  });
  const stored = () => db().project.findFirstOrThrow({ where: { name: project, workspace: { name: ws } }, select: { quota: true, network: true, generation: true } });
  const paths = (body: unknown) => ((body as { issues?: { path: string }[] }).issues ?? []).map((i) => i.path);

  it.each(["1-1", "1mi", "1e", "1Ki5", "1.2.3", "1e1000000"])("quantity %j → 422 naming the key, the stored quota unchanged", async (value) => {
    const before = await stored();
    const res = await callRoute(putProjectQuota, { method: "PUT", path: `/api/v1/workspaces/${ws}/projects/${project}/quota`, params: { ws, project }, token: admin, body: { hard: { "requests.cpu": "2", "limits.memory": value } } });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.contentType).toMatch(/^application\/problem\+json/);
    expect(paths(res.body)).toEqual(["hard.limits.memory"]);
    expect(await stored()).toEqual(before);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["CIDR 10.0.0.0/33", { cidr: "10.0.0.0/33" }, "allow.0.cidr"],
    ["CIDR 999.999.999.999/99", { cidr: "999.999.999.999/99" }, "allow.0.cidr"],
    ["an except outside its cidr", { cidr: "10.0.0.0/16", except: ["192.168.0.0/24"] }, "allow.0.except.0"],
    ["port \"70000\"", { cidr: "10.0.0.0/8", ports: [{ port: "70000" }] }, "allow.0.ports.0.port"],
    ["port 70000", { cidr: "10.0.0.0/8", ports: [{ port: 70000 }] }, "allow.0.ports.0.port"],
    ["port 0", { cidr: "10.0.0.0/8", ports: [{ port: 0 }] }, "allow.0.ports.0.port"],
  ])("allow-list %s → 422 naming the field, nothing stored", async (_, entry, path) => {
    const before = await stored();
    const res = await callRoute(putProjectNetwork, { method: "PUT", path: `/api/v1/workspaces/${ws}/projects/${project}/network`, params: { ws, project }, token: admin, body: { isolated: false, allow: [entry] } });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.contentType).toMatch(/^application\/problem\+json/);
    expect(paths(res.body)).toEqual([path]);
    expect(await stored()).toEqual(before);
  });

  it("the same in an egress allow-list", async () => {
    const before = await stored();
    const res = await callRoute(putProjectNetwork, { method: "PUT", path: `/api/v1/workspaces/${ws}/projects/${project}/network`, params: { ws, project }, token: admin, body: { isolated: true, egress: { isolated: true, allow: [{ cidr: "10.0.0.0/33" }] } } });
    expect(res.status).toBe(422);
    expect(paths(res.body)).toEqual(["egress.allow.0.cidr"]);
    expect(await stored()).toEqual(before);
  });
});
