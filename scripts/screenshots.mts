// `npm run screenshots`: the main pages in light and dark (desktop, and a few at tablet and phone width) into
// docs/screenshots/, from a running console (`npm run demo`; BASE_URL, TENANTRY_ADMIN_PASSWORD and
// TENANTRY_DEMO_PASSWORD say where and as whom).
import { mkdirSync } from "node:fs";
import { chromium, type Browser } from "@playwright/test";

const base = process.env.BASE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
const out = process.env.SCREENSHOTS_DIR ?? "docs/screenshots";
const adminPassword = process.env.TENANTRY_ADMIN_PASSWORD;
const demoPassword = process.env.TENANTRY_DEMO_PASSWORD;
if (!adminPassword || !demoPassword) throw new Error("set TENANTRY_ADMIN_PASSWORD and TENANTRY_DEMO_PASSWORD (the demo's passwords)");

const project = "/workspaces/demo/projects/demo-web";
type Shot = { name: string; path: string; user: "admin" | "alice" | "carol"; width?: number; ready?: string };
const shots: Shot[] = [
  { name: "sign-in", path: "/login", user: "admin" },
  { name: "platform-dashboard", path: "/dashboard", user: "admin" },
  { name: "workspace-overview", path: "/workspaces/demo", user: "alice" },
  { name: "project-overview", path: project, user: "carol" },
  { name: "member-dashboard", path: "/dashboard", user: "carol" },
  { name: "project-workloads", path: `${project}/workloads`, user: "carol" },
  { name: "config-map-yaml", path: `${project}/workloads/configmaps/kube-root-ca.crt`, user: "carol", ready: "[data-testid=workload-yaml]" },
  { name: "cluster-nodes", path: "/clusters/host", user: "admin" },
  { name: "workspace-quotas", path: "/workspaces/demo/quotas", user: "alice" },
  { name: "project-quota", path: `${project}/quota`, user: "alice" },
  // The histogram's chart loads after the page (next/dynamic): wait for its canvas.
  { name: "audit-log", path: "/audit", user: "admin", ready: "canvas" },
  { name: "role-editor", path: `${project}/roles/new`, user: "alice" },
  { name: "dashboard-tablet", path: "/dashboard", user: "admin", width: 768 },
  { name: "dashboard-phone", path: "/dashboard", user: "admin", width: 390 },
  { name: "project-workloads-phone", path: `${project}/workloads`, user: "carol", width: 390 },
];

async function capture(browser: Browser, theme: "light" | "dark") {
  const contexts = new Map<string, Awaited<ReturnType<Browser["newContext"]>>>();
  for (const shot of shots) {
    const key = shot.name === "sign-in" ? "anonymous" : `${shot.user}/${shot.width ?? 1280}`;
    let context = contexts.get(key);
    if (!context) {
      // bypassCSP: the production console's CSP refuses the style tag below (needed only for `next dev`'s overlay).
      context = await browser.newContext({ baseURL: base, bypassCSP: true, colorScheme: theme, viewport: { width: shot.width ?? 1280, height: 900 } });
      context.setDefaultTimeout(120_000); // a production demo on a busy machine
      contexts.set(key, context);
      if (shot.name !== "sign-in") {
        const login = await context.newPage();
        await login.goto("/login");
        // The form takes input only once hydrated (slow on a cold `next dev`).
        await login.waitForFunction(() => !document.querySelector("form button[type=submit]")?.hasAttribute("disabled"), null, { timeout: 120_000 });
        await login.getByLabel("Username").fill(shot.user);
        await login.getByLabel("Password").fill(shot.user === "admin" ? adminPassword! : demoPassword!);
        await login.getByRole("button", { name: "Sign in" }).click();
        await login.waitForURL((u) => !u.pathname.startsWith("/login"));
        await login.close();
      }
    }
    const page = await context.newPage();
    await page.goto(shot.path);
    // Polling pages never go network-idle: wait for the heading and for every loading panel to be gone.
    await page.locator("h1").first().waitFor();
    if (shot.ready) await page.locator(shot.ready).first().waitFor();
    await page.waitForFunction(() => ![...document.querySelectorAll("[role=status]")].some((e) => e.textContent?.includes("Loading")), null, { timeout: 60_000 });
    await page.waitForTimeout(300);
    // `next dev` floats its indicator over the page; it is not part of the console.
    await page.addStyleTag({ content: "nextjs-portal { display: none !important; }" });
    await page.screenshot({ path: `${out}/${shot.name}-${theme}.png`, fullPage: true });
    await page.close();
    console.log(`${out}/${shot.name}-${theme}.png`);
  }
  await Promise.all([...contexts.values()].map((c) => c.close()));
}

mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  for (const theme of ["light", "dark"] as const) await capture(browser, theme);
} finally {
  await browser.close();
}
