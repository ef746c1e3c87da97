// Security issue #13 item 9 on the built console (the e2e server is a production build): every page carries a
// nonce CSP without eval and still hydrates and works under it; the powerful browser features are denied; API
// answers are never cached, and an unsupported method is a problem+json 405 naming what is allowed. And the server
// keeps an idle keep-alive connection open longer than the balancers in front of it keep theirs.
import { Agent, request as httpRequest } from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { adminPassword, signedInApi } from "./support/api";

type Violation = { directive: string; blocked: string; sample: string };

/** Every CSP violation the page reports (the listener is installed by the browser, so CSP does not apply to it). */
async function watchCsp(page: Page): Promise<() => Promise<Violation[]>> {
  await page.addInitScript(() => {
    const seen: Violation[] = ((window as unknown as { __csp: Violation[] }).__csp = []);
    document.addEventListener("securitypolicyviolation", (e) => seen.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample }));
  });
  const fromConsole: Violation[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) fromConsole.push({ directive: "console", blocked: "", sample: m.text() });
  });
  return async () => [...fromConsole, ...(await page.evaluate(() => (window as unknown as { __csp: Violation[] }).__csp))];
}

const directives = (csp: string) => new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));

test("pages carry a fresh nonce CSP without eval, and hydrate and work under it", async ({ page }) => {
  const violations = await watchCsp(page);
  const first = await page.goto("/login");
  const csp = first!.headers()["content-security-policy"]!;
  const script = directives(csp).get("script-src")!;
  const nonce = script.find((s) => s.startsWith("'nonce-"))!.slice(7, -1);
  expect(nonce.length).toBeGreaterThanOrEqual(16);
  expect(script).toContain("'strict-dynamic'");
  expect(csp).not.toMatch(/unsafe-eval|unsafe-inline/);
  expect(directives(csp).get("frame-ancestors")).toEqual(["'none'"]);
  for (const feature of ["camera", "microphone", "geolocation"]) expect(first!.headers()["permissions-policy"]).toContain(`${feature}=()`);
  // Next put the nonce on its scripts (the attribute is hidden from the DOM once parsed; the property keeps it).
  const scripts = await page.locator("script").evaluateAll((els) => els.map((s) => (s as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);
  // Another response, another nonce.
  const again = await page.request.get("/login");
  expect(again.headers()["content-security-policy"]).not.toBe(csp);

  // Signing in needs the client to run (next-auth's signIn()); then pages that render from script.
  await page.getByLabel("Username").fill("admin");
  await page.getByLabel("Password").fill(adminPassword);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  for (const path of ["/workspaces", "/workspaces/demo", "/workspaces/demo/quotas", "/workspaces/demo/projects/demo-web/quota", "/audit", "/clusters"]) {
    const res = await page.goto(path);
    expect(res!.status(), path).toBeLessThan(400);
    expect(res!.headers()["content-security-policy"], path).toContain("'nonce-");
    await page.waitForLoadState("networkidle");
  }
  // Client-side navigation and a client-rendered chart (the audit histogram sets its bar heights from script).
  await page.goto("/audit");
  await expect(page.getByTestId("audit-histogram")).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workspaces" }).click();
  await expect(page).toHaveURL(/\/workspaces$/);
  expect(await violations()).toEqual([]);
});

test("API answers are not cached, carry a CSP that lets nothing run, and a wrong method is a problem+json 405", async ({ baseURL }) => {
  const admin = await signedInApi(baseURL!, "admin", adminPassword);
  const me = await admin.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect(me.headers()["cache-control"]).toContain("no-store");
  expect(me.headers()["content-security-policy"]).toContain("default-src 'none'");

  const res = await admin.delete("/api/v1/me");
  expect(res.status()).toBe(405);
  expect(res.headers()["content-type"]).toContain("application/problem+json");
  const allow = res.headers()["allow"]!;
  expect(allow.split(", ")).toEqual(expect.arrayContaining(["GET", "HEAD", "OPTIONS"]));
  expect(allow).not.toContain("DELETE");
  const problem = await res.json();
  expect(problem).toMatchObject({ status: 405, title: "Method Not Allowed", code: "method_not_allowed" });
  expect(problem.detail).toContain(allow);
  // A dynamic route too, and what it does answer still works.
  const put = await admin.put("/api/v1/workspaces/demo/projects/demo-web", { data: {} });
  expect(put.status()).toBe(405);
  expect(put.headers()["allow"]).toContain("DELETE");
  expect((await admin.get("/api/v1/workspaces/demo/projects/demo-web")).status()).toBe(200);
  const options = await admin.fetch("/api/v1/me", { method: "OPTIONS" });
  expect(options.status()).toBe(204);
  expect(options.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
  // A route without GET: HEAD is refused the same way, with its Allow.
  const head = await admin.head("/api/v1/me/password");
  expect([head.status(), head.headers()["allow"]]).toEqual([405, "OPTIONS, POST"]);
  await admin.dispose();
});

test("a method the server does not implement is a problem+json 501 everywhere, never a server error", async ({ baseURL }) => {
  // Raw HTTP: browsers (and Playwright's request context) refuse to send TRACE at all.
  const send = (method: string, path: string) =>
    new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = httpRequest(new URL(path, baseURL), { method }, (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode!, type: String(res.headers["content-type"]), body }));
      });
      req.on("error", reject).end();
    });
  for (const [method, path] of [["TRACE", "/api/v1/me"], ["TRACE", "/"], ["PROPFIND", "/api/healthz"], ["MKCOL", "/workspaces"]] as const) {
    const res = await send(method, path);
    expect({ method, path, status: res.status, type: res.type }).toEqual({ method, path, status: 501, type: "application/problem+json" });
    expect(JSON.parse(res.body)).toMatchObject({ status: 501, code: "method_not_implemented" });
  }
});

test("a keep-alive connection left idle for longer than Node's default 5 s still carries the next request", async ({ baseURL }) => {
  // A load balancer (or a pooling client) reuses an idle connection: closed under it, that request fails with a reset.
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const get = () =>
    new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
      const req = httpRequest(new URL("/api/healthz", baseURL), { agent }, (res) => {
        res.resume().on("end", () => resolve({ status: res.statusCode!, reused: req.reusedSocket }));
      });
      req.on("error", reject).end();
    });
  expect(await get()).toEqual({ status: 200, reused: false });
  await new Promise((done) => setTimeout(done, 6_500));
  expect(await get()).toEqual({ status: 200, reused: true });
  agent.destroy();
});
