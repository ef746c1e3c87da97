// Tables people can work with (#15 item 5): the users list searched as you type, filtered and sorted on the server,
// a column hidden, all of it kept by the URL across a reload; then a member invited by picking the user the
// picker found as their name was typed.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { adminPassword, signedInApi, unique } from "./support/api";
import { signIn } from "./support/pages";

let admin: APIRequestContext;
const prefix = unique("e2e-tbl");
const [ann, ben, cid] = ["ann", "ben", "cid"].map((n) => `${prefix}-${n}`) as [string, string, string];

test.beforeAll(async ({ baseURL }) => {
  admin = await signedInApi(baseURL!, "admin", adminPassword);
  for (const username of [ann, ben, cid]) {
    expect((await admin.post("/api/v1/users", { data: { username, password: `pw-${username.split("").reverse().join("")}-long`, mustChangePassword: false } })).status()).toBe(201);
  }
  expect((await admin.patch(`/api/v1/users/${ben}`, { data: { status: "disabled" } })).status()).toBe(200);
  expect((await admin.patch(`/api/v1/users/${cid}`, { data: { status: "disabled" } })).status()).toBe(200);
});
test.afterAll(async () => {
  await admin?.dispose();
});

test("users: search as you type, filter, sort, hide a column, reload; then invite a member picked by typing", async ({ page }) => {
  await signIn(page, "admin");

  await page.goto("/users");
  const table = page.getByRole("table", { name: "Users" });
  const rows = table.getByRole("row");
  const firstCells = table.locator("tbody tr td:first-child a");

  // Typing is enough: no Enter, no button.
  await page.getByRole("searchbox", { name: "Search users" }).pressSequentially(prefix);
  await expect(rows).toHaveCount(4);
  await expect(page).toHaveURL(new RegExp(`[?&]q=${prefix}`));

  await page.getByRole("combobox", { name: "Status" }).selectOption("disabled");
  await expect(rows).toHaveCount(3);
  await expect(firstCells).toHaveText([ben, cid]);

  // The list's own order is by username, ascending; one click turns it.
  await table.getByRole("button", { name: "User" }).click();
  await expect(firstCells).toHaveText([cid, ben]);
  await expect(table.getByRole("columnheader", { name: /User/ })).toHaveAttribute("aria-sort", "descending");

  await page.locator("summary", { hasText: "Columns" }).click();
  await page.getByRole("checkbox", { name: "Email" }).click();
  await expect(table.getByRole("columnheader", { name: "Email" })).toHaveCount(0);

  await expect(page).toHaveURL(/sort=-username/);
  await page.reload();
  await expect(page.getByRole("searchbox", { name: "Search users" })).toHaveValue(prefix);
  await expect(page.getByRole("combobox", { name: "Status" })).toHaveValue("disabled");
  await expect(firstCells).toHaveText([cid, ben]);
  await expect(table.getByRole("columnheader", { name: "Email" })).toHaveCount(0);

  // The picker offers users by the name typed, found on the server; only one picked from it is invited.
  await page.goto("/workspaces/demo/members");
  await page.getByRole("button", { name: "Invite member" }).click();
  const invite = page.getByRole("form", { name: "Invite member" });
  await invite.getByRole("combobox", { name: "Username" }).pressSequentially(`${prefix}-a`);
  await invite.getByRole("option", { name: new RegExp(ann) }).click();
  await expect(invite.getByRole("combobox", { name: "Username" })).toHaveValue(ann);
  await invite.getByRole("button", { name: "Invite member" }).click();
  await expect(invite).toBeHidden();
  await page.getByRole("searchbox", { name: "Search members" }).fill(ann);
  await expect(page.getByRole("table", { name: /Members of demo/ }).getByRole("row").filter({ hasText: ann })).toBeVisible();
});
