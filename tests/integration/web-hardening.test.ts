// Security issue #13 item 9, through route() as a browser's request meets it: X-Forwarded-Host/-Proto are believed
// only from TENANTRY_TRUSTED_PROXIES (one function decides the public origin), and no answer that carries a secret
// may be cached.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { User } from "@prisma/client";
import { db } from "@/lib/db/client";
import { PEER_HEADER } from "@/lib/api/client-info";
import { POST as createTokenRoute, GET as listTokensRoute } from "@/app/api/v1/me/tokens/route";
import { POST as auditTokenRoute } from "@/app/api/v1/clusters/[cluster]/audit-token/route";
import { ensureWebhookTls } from "@/lib/audit/webhook-tls";
import { tokenFor } from "../support/call-route";
import { makeUser, uniqueName } from "../support/fixtures";

const PROXY = "10.20.0.5";
const CLIENT = "203.0.113.50";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, path: string, token: string, headers: Record<string, string>, params: Record<string, string> = {}, body: unknown = {}) {
  const req = new Request(`http://console.internal:3000${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", host: "console.internal:3000", ...headers },
    body: JSON.stringify(body),
  });
  const res = await handler(req, { params: Promise.resolve(params) });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

let user: User;
let token: string;
let savedUrl: string | undefined;

beforeAll(async () => {
  user = await makeUser("platform-admin");
  token = await tokenFor(user);
});

beforeEach(() => {
  savedUrl = process.env.NEXTAUTH_URL;
  // Without NEXTAUTH_URL the request says where it was sent: what a proxy may vouch for and a client may not.
  delete process.env.NEXTAUTH_URL;
  process.env.TENANTRY_TRUSTED_PROXIES = "10.20.0.0/24";
});

afterEach(() => {
  if (savedUrl === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = savedUrl;
  delete process.env.TENANTRY_TRUSTED_PROXIES;
});

const tokensNamed = (name: string) => db().apiToken.count({ where: { userId: user.id, name } });

describe("the Origin check", () => {
  it("refuses a foreign Origin with a matching X-Forwarded-Host from an untrusted peer (403, nothing created)", async () => {
    const name = uniqueName("t");
    const res = await call(createTokenRoute as Handler, "/api/v1/me/tokens", token, {
      [PEER_HEADER]: CLIENT,
      origin: "https://evil.example",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
    }, {}, { name });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("cross_origin");
    expect(await tokensNamed(name)).toBe(0);
  });

  it("admits the public origin a trusted proxy forwards, and only that one", async () => {
    const forwarded = { [PEER_HEADER]: PROXY, "x-forwarded-host": "console.example.com", "x-forwarded-proto": "https" };
    const name = uniqueName("t");
    const ok = await call(createTokenRoute as Handler, "/api/v1/me/tokens", token, { ...forwarded, origin: "https://console.example.com" }, {}, { name });
    expect(ok.status).toBe(201);
    expect(await tokensNamed(name)).toBe(1);
    // The same proxy, a page elsewhere.
    const other = uniqueName("t");
    expect((await call(createTokenRoute as Handler, "/api/v1/me/tokens", token, { ...forwarded, origin: "https://evil.example" }, {}, { name: other })).status).toBe(403);
    expect((await call(createTokenRoute as Handler, "/api/v1/me/tokens", token, { ...forwarded, origin: "http://console.example.com" }, {}, { name: other })).status).toBe(403);
    expect(await tokensNamed(other)).toBe(0);
  });

  it("holds to NEXTAUTH_URL when it is set, whatever is forwarded", async () => {
    process.env.NEXTAUTH_URL = "https://tenantry.example.org";
    const forwarded = { [PEER_HEADER]: PROXY, "x-forwarded-host": "console.example.com", "x-forwarded-proto": "https" };
    expect((await call(createTokenRoute as Handler, "/api/v1/me/tokens", token, { ...forwarded, origin: "https://console.example.com" }, {}, { name: uniqueName("t") })).status).toBe(403);
    expect((await call(createTokenRoute as Handler, "/api/v1/me/tokens", token, { ...forwarded, origin: "https://tenantry.example.org" }, {}, { name: uniqueName("t") })).status).toBe(201);
  });
});

describe("answers that carry a secret", () => {
  it("a new API token is not for any cache to keep, nor is any other API answer", async () => {
    const res = await call(createTokenRoute as Handler, "/api/v1/me/tokens", token, {}, {}, { name: uniqueName("t") });
    expect(res.status).toBe(201);
    expect(res.body.token).toMatch(/^tnt_/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const list = await (listTokensRoute as Handler)(new Request("http://localhost/api/v1/me/tokens", { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
    expect(list.headers.get("cache-control")).toBe("no-store");
    const refused = await call(createTokenRoute as Handler, "/api/v1/me/tokens", "tnt_not-a-token", {}, {}, { name: "x" });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("cache-control")).toBe("no-store");
  });

  it("the audit webhook token and kubeconfig: not cached, and pointing at the public origin, not at a forged host", async () => {
    const cluster = uniqueName("wh-c");
    await db().cluster.create({ data: { name: cluster, credentials: "v1.unused" } });
    const issue = (peer: string, host: string) =>
      call(auditTokenRoute as Handler, `/api/v1/clusters/${cluster}/audit-token`, token, { [PEER_HEADER]: peer, "x-forwarded-host": host, "x-forwarded-proto": "https" }, { cluster });
    // Over plain HTTP alone there is nothing kube-apiserver would send its token to: refused, with the reason.
    const plain = await issue(CLIENT, "evil.example");
    expect(plain.status).toBe(503);
    expect(plain.body).toMatchObject({ code: "audit_webhook_needs_tls" });
    expect(plain.headers.get("cache-control")).toBe("no-store");
    const proxied = await issue(PROXY, "console.example.com");
    expect(proxied.status).toBe(201);
    expect(proxied.headers.get("cache-control")).toBe("no-store");
    expect(proxied.body.webhookUrl).toBe(`https://console.example.com/api/v1/audit/webhook/${cluster}`);
    expect(proxied.body.kubeconfig).not.toContain("certificate-authority-data");

    // The console's own TLS listener: its port on the public host, and its CA in the kubeconfig.
    const dir = mkdtempSync(join(tmpdir(), "audit-tls-"));
    const { caCert } = ensureWebhookTls(dir, ["console.internal"]);
    process.env.TENANTRY_AUDIT_TLS_PORT = "8443";
    process.env.TENANTRY_AUDIT_TLS_DIR = dir;
    try {
      const forged = await issue(CLIENT, "evil.example");
      expect(forged.status).toBe(201);
      expect(forged.body.webhookUrl).toBe(`https://console.internal:8443/api/v1/audit/webhook/${cluster}`);
      expect(forged.body.kubeconfig).not.toContain("evil.example");
      const kubeconfig = parse(forged.body.kubeconfig);
      expect(Buffer.from(kubeconfig.clusters[0].cluster["certificate-authority-data"], "base64").toString()).toBe(caCert);
      expect(kubeconfig.users[0].user.token).toBe(forged.body.token);
    } finally {
      delete process.env.TENANTRY_AUDIT_TLS_PORT;
      delete process.env.TENANTRY_AUDIT_TLS_DIR;
    }
  });
});
