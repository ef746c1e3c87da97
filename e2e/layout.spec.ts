// Phone and desktop layout (#15 item 9) beyond the page walk (page-walks.spec.ts checks every page's width as the
// admin): filters fold behind a button on a phone, the audit table's last columns are in sight on a desktop, and a
// project member's pages fit a phone.
import { expect, test } from "@playwright/test";
import { openSettled, signIn } from "./support/pages";
import { checkWidths, PHONE, WIDE } from "./support/layout";

test.use({ viewport: WIDE });

test("the audit table shows its last columns on a desktop, and filters fold behind a button on a phone", async ({ page }) => {
  await signIn(page, "admin");
  await openSettled(page, "/audit");
  const table = page.getByRole("table", { name: "Audit events, newest first" });
  await expect(table.getByRole("row").nth(1)).toBeVisible();
  // In sight without scrolling: inside the viewport and inside the table's own scroll box.
  const inSight = (el: Element) => {
    const r = el.getBoundingClientRect();
    let box = el.parentElement;
    while (box && getComputedStyle(box).overflowX === "visible") box = box.parentElement;
    const limit = Math.min(window.innerWidth, box ? box.getBoundingClientRect().right : Infinity);
    return r.width > 0 && r.right <= limit + 0.5;
  };
  for (const header of ["Status", "Source IP"]) expect.soft(await table.getByRole("columnheader", { name: header, exact: true }).evaluate(inSight), header).toBe(true);
  expect.soft(await table.getByRole("button", { name: /^Details of / }).first().evaluate(inSight), "expand control").toBe(true);

  await page.setViewportSize(PHONE);
  const filters = page.getByRole("button", { name: "Filters", exact: true });
  const outcome = page.getByRole("combobox", { name: "Outcome" });
  await expect(outcome).toBeHidden();
  await filters.click();
  await expect(filters).toHaveAttribute("aria-expanded", "true");
  await expect(outcome).toBeVisible();
});

test("a project member's dashboard and project fit a phone", async ({ page }) => {
  await signIn(page, "carol");
  for (const path of ["/dashboard", "/workspaces/demo/projects/demo-web"]) {
    await openSettled(page, path);
    await checkWidths(page, path);
  }
});
