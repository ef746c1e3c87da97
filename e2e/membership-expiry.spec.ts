// Time-bound memberships (#17 item 1) as people use them: a workspace admin adds a member for 8 hours with the
// picker's preset and sees when their access ends; the member sees it too, with the console's notice.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { adminPassword, demoPassword, signedInApi, unique } from "./support/api";
import { signIn } from "./support/pages";

const password = (username: string) => `pw-${username.split("").reverse().join("")}-long`;
let admin: APIRequestContext;

test.beforeAll(async ({ baseURL }) => {
  admin = await signedInApi(baseURL!, "admin", adminPassword);
});
test.afterAll(async () => {
  await admin?.dispose();
});

test("a member added for 8 hours: the admin sees when access ends, the member is told", async ({ page, browser }) => {
  test.setTimeout(180_000); // three sign-ins and two browsers
  const username = unique("e2e-temp");
  expect((await admin.post("/api/v1/users", { data: { username, password: password(username), mustChangePassword: false } })).status()).toBe(201);

  await signIn(page, "alice", demoPassword);
  await page.goto("/workspaces/demo/members");
  await page.getByRole("button", { name: "Invite member" }).click();
  const invite = page.getByRole("form", { name: "Invite member" });
  await invite.getByRole("combobox", { name: "Username" }).fill(username);
  await invite.getByRole("option", { name: new RegExp(username) }).click();
  const sent = Date.now();
  await invite.getByRole("radio", { name: "In 8 hours" }).check();
  await expect(invite.getByText(/^Ends /)).toBeVisible();
  await invite.getByRole("button", { name: "Invite member" }).click();
  await expect(invite).toBeHidden();

  // The table shows the instant, 8 hours from when the form was sent.
  const row = page.getByRole("table", { name: /Members of demo/ }).getByRole("row").filter({ hasText: username });
  const shown = row.locator("time");
  await expect(shown).toBeVisible();
  const at = Date.parse((await shown.getAttribute("datetime"))!);
  expect(at - sent).toBeGreaterThan(8 * 3_600_000 - 60_000);
  expect(at - sent).toBeLessThan(8 * 3_600_000 + 60_000);

  // The workspace overview lists it among expiring memberships.
  await page.goto("/workspaces/demo");
  const expiring = page.getByRole("list", { name: "Expiring memberships" });
  await expect(expiring.getByRole("listitem").filter({ hasText: username })).toBeVisible();

  // The member: a notice in the shell (8 hours is within the default 24-hour warning) and on the workspace page.
  const member = await (await browser.newContext()).newPage();
  await signIn(member, username, password(username));
  const notice = member.getByRole("status", { name: "Access ending soon" });
  await expect(notice).toContainText("Your membership (regular) of this workspace ends");
  await expect(notice.getByRole("link", { name: "demo" })).toBeVisible();
  await member.goto("/workspaces/demo");
  await expect(member.getByRole("note")).toContainText("Your access here ends");

  // The admin takes the end away: access no longer ends.
  await page.goto("/workspaces/demo/members");
  await row.getByRole("button", { name: `When access of ${username} ends` }).click();
  const dialog = page.getByRole("dialog", { name: `When access of ${username} ends` });
  await dialog.getByRole("radio", { name: "Never" }).check();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByRole("cell", { name: "Never" })).toBeVisible();
});
