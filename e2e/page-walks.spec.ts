// Every console page (consolePages(): a new page is walked without being listed), walked once by each demo user:
// no enabled control their roles do not let them use (#15 item 4, support/read-only.ts); as the platform admin,
// who sees every page, also axe (0 serious or critical WCAG 2 A/AA violations) and the layout at desktop and phone
// width (#15 item 9). The first page is loaded, the rest reached by the console's own client navigation.
import { expect, test, type Page } from "@playwright/test";
import { consolePages, navigateSettled, openSettled, signIn, type DemoUser } from "./support/pages";
import { readOnlyCheck } from "./support/read-only";
import { expectAccessible } from "./support/axe";
import { checkWidths, WIDE } from "./support/layout";

test.use({ viewport: WIDE });

test("the sign-in page is accessible and fits desktop and phone", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  await expectAccessible(page, "/login");
  await checkWidths(page, "/login");
});

/** The pages each user can see and the guarded controls they meet at least, so no walk passes by seeing nothing. */
const WALKS: Record<DemoUser, { visited: number; guarded: number }> = {
  admin: { visited: 35, guarded: 112 },
  alice: { visited: 25, guarded: 70 },
  bob: { visited: 23, guarded: 3 },
  carol: { visited: 18, guarded: 13 },
  dave: { visited: 7, guarded: 1 },
};

async function walk(page: Page, user: DemoUser) {
  // The shell's links prefetch their pages (each a server render) on every page: not what is walked, only load.
  await page.route(/[?&]_rsc=/, (route) => (route.request().headers()["next-router-prefetch"] ? route.abort() : route.fallback()));
  await signIn(page, user);
  const readOnly = readOnlyCheck(page);
  const problems: string[] = [];
  for (const [i, path] of consolePages().entries()) {
    const started = Date.now();
    try {
      await (i === 0 ? openSettled : navigateSettled)(page, path);
    } catch {
      problems.push(`${path}: never settles (no heading, or still loading, after ${Date.now() - started} ms)`);
      continue;
    }
    const found = await readOnly.problemsOn(path);
    // Said as each page is walked, so a walk cut short still names what it found.
    expect.soft(found, path).toEqual([]);
    problems.push(...found);
    if (user === "admin") {
      await expectAccessible(page, path);
      await checkWidths(page, path);
    }
  }
  return { problems, ...readOnly.seen };
}

for (const [user, least] of Object.entries(WALKS) as [DemoUser, (typeof WALKS)[DemoUser]][]) {
  test(`${user} walks every page and meets no enabled control their roles do not allow${user === "admin" ? ", no axe violation and no layout overflow" : ""}`, async ({ page }) => {
    // axe on 36 pages: 2–5 minutes on a busy 2-core machine; the others' walks take under one.
    test.setTimeout(user === "admin" ? 420_000 : 120_000);
    const { problems, visited, guarded } = await walk(page, user);
    expect(problems).toHaveLength(0);
    expect(visited).toBeGreaterThanOrEqual(least.visited);
    expect(guarded).toBeGreaterThanOrEqual(least.guarded);
  });
}
