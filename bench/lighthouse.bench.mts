// Lighthouse (desktop preset, Debian Chromium) on every console page (consolePages(), as e2e walks them: a new page
// is measured without being listed), signed in as admin, and on sign-in signed out. Targets (issue 8 §8, #15):
// performance and accessibility ≥ 95, lab LCP ≤ 1 s; `met` says whether a page meets all three.
// Each page is measured LIGHTHOUSE_RUNS times (3) and reported by its median run, Lighthouse's own
// computeMedianRun (as its docs advise: one run's score moves by up to 14 points here), with the range beside it.
// LIGHTHOUSE_BASE_URL + LIGHTHOUSE_ADMIN_PASSWORD: measure a running console; otherwise a production demo
// is started here on a free port in a throwaway data directory (built into TENANTRY_NEXT_DIST_DIR, default .next-bench).
// LIGHTHOUSE_PAGES: a regular expression choosing the pages to measure (all by default).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";
import { consolePages } from "../e2e/support/pages.ts";
import { freePort } from "../lib/net/free-port.ts";
import { benchDistDir } from "./support/build.ts";
import { markdownTable, printReport } from "./support/report.ts";

const chosen = new RegExp(process.env.LIGHTHOUSE_PAGES ?? "");
const PAGES = [{ path: "/login", signedIn: false }, ...consolePages().map((path) => ({ path, signedIn: true }))].filter((p) => chosen.test(p.path));
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const TARGET = { score: 95, lcpSeconds: 1 };

let server: ChildProcess | undefined;
let base = process.env.LIGHTHOUSE_BASE_URL;
let password = process.env.LIGHTHOUSE_ADMIN_PASSWORD;
if (!base) {
  const port = await freePort();
  password = "bench-admin-password-1";
  base = `http://localhost:${port}`;
  console.log(`starting a production console on ${base} (builds on first run)…`);
  server = spawn(process.execPath, ["--import", "tsx", "scripts/start.mts"], {
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
    env: {
      ...process.env,
      PORT: String(port),
      TENANTRY_DATA_DIR: mkdtempSync(join(tmpdir(), "tenantry-lighthouse-")),
      TENANTRY_ADMIN_PASSWORD: password,
      TENANTRY_DEMO_PASSWORD: "bench-demo-password-1",
      TENANTRY_NEXT_DIST_DIR: benchDistDir(),
    },
  });
  await waitFor(`${base}/api/healthz`, 600_000);
}

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const cookie = await signIn(base, "admin", password!);
  const rows: string[][] = [];
  let misses = 0;
  for (const p of PAGES) {
    // One warm-up load so the numbers measure the page, not the server compiling or filling caches.
    await fetch(`${base}${p.path}`, { headers: p.signedIn ? { cookie } : {} });
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(
        `${base}${p.path}`,
        { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"], extraHeaders: p.signedIn ? { Cookie: cookie } : undefined },
        desktopConfig,
      );
      runs.push(result!.lhr);
    }
    const lhr = computeMedianRun(runs);
    const scoreOf = (r: typeof lhr, c: string) => Math.round((r.categories[c]?.score ?? 0) * 100);
    const score = (c: string) => scoreOf(lhr, c);
    const range = runs.map((r) => scoreOf(r, "performance")).sort((a, b) => a - b);
    const [performance, accessibility] = [score("performance"), score("accessibility")];
    const ms = (audit: string) => lhr.audits[audit]?.numericValue ?? NaN;
    const lcp = ms("largest-contentful-paint") / 1000;
    const met = performance >= TARGET.score && accessibility >= TARGET.score && lcp <= TARGET.lcpSeconds;
    if (!met) misses++;
    // The performance score's parts, so a miss says where it comes from.
    const parts = [`${Math.round(ms("first-contentful-paint"))} ms`, `${Math.round(ms("speed-index"))} ms`, `${Math.round(ms("total-blocking-time"))} ms`, ms("cumulative-layout-shift").toFixed(3)];
    rows.push([`\`${p.path}\``, String(performance), `${range[0]}–${range.at(-1)}`, String(accessibility), `${lcp.toFixed(2)} s`, ...parts, met ? "yes" : "NO"]);
  }
  printReport({
    title: "Lighthouse (desktop preset, Debian Chromium)",
    scale: `${PAGES.length} pages × ${RUNS} runs (the median run reported) of ${process.env.LIGHTHOUSE_BASE_URL ? base : "a production demo"} (every console page signed in as admin, sign-in signed out); target: performance and accessibility ≥ ${TARGET.score}, LCP ≤ ${TARGET.lcpSeconds} s; ${PAGES.length - misses} of ${PAGES.length} pages meet it`,
    tables: [markdownTable(["page", "performance (median run)", `performance range (${RUNS} runs)`, "accessibility", "LCP", "FCP", "speed index", "TBT", "CLS", "met"], rows)],
  });
} finally {
  await chrome.kill();
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
}

async function waitFor(url: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

/** next-auth's credentials flow, by hand: csrf token + cookie, then the callback; returns the Cookie header. */
async function signIn(url: string, username: string, secret: string): Promise<string> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, username, password: secret, json: "true" }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(";")[0]!).filter((c) => c.includes("session-token"));
  if (!session.length) throw new Error(`sign-in as ${username} failed (${res.status})`);
  return [...jar, ...session].join("; ");
}
