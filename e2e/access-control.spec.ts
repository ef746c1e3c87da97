// Access control as people use it: an admin onboards a user into a new workspace, a workspace admin
// composes a custom role in the role editor, and a member who tries to grant more than they hold is refused.
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { adminPassword, demoPassword, signedInApi, unique } from "./support/api";
import { signIn } from "./support/pages";

const password = (username: string) => `pw-${username.split("").reverse().join("")}-long`;

let admin: APIRequestContext;
let alice: APIRequestContext; // admin of workspace "demo"

test.beforeAll(async ({ baseURL }) => {
  admin = await signedInApi(baseURL!, "admin", adminPassword);
  alice = await signedInApi(baseURL!, "alice", demoPassword);
});

test.afterAll(async () => {
  await Promise.all([admin, alice].map((c) => c?.dispose()));
});

/** A fresh browser session for someone else, so the first one stays signed in. */
async function pageAs(browser: Browser, username: string, secret: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, username, secret);
  return page;
}

/** A user created through the API who can sign in straight away. */
async function apiUser(prefix: string): Promise<string> {
  const username = unique(prefix);
  const res = await admin.post("/api/v1/users", { data: { username, password: password(username), mustChangePassword: false } });
  expect(res.status()).toBe(201);
  return username;
}

async function addToDemo(username: string, role: string) {
  expect((await alice.post("/api/v1/workspaces/demo/members", { data: { username, role } })).status()).toBe(201);
}

test("admin creates a user and a workspace, invites the user as regular; the user sees only that workspace", async ({ page, browser }) => {
  const username = unique("e2e-user");
  const workspace = unique("e2e-team");
  await signIn(page, "admin", adminPassword);

  // The user, through the Users page.
  await page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name: "Users" }).click();
  await page.getByRole("button", { name: "Create user" }).click();
  const create = page.getByRole("dialog", { name: "Create user" });
  await create.getByLabel("Username").fill(username);
  await create.getByLabel("Display name").fill("End-to-end user");
  await create.getByLabel("Password", { exact: true }).fill("short");
  await create.getByLabel("Require a new password at first sign-in").uncheck();
  await create.getByRole("button", { name: "Create user" }).click();
  await expect(create.getByText("At least 12 characters.")).toBeVisible(); // 422 shown under the field
  await create.getByLabel("Password", { exact: true }).fill(password(username));
  await create.getByRole("button", { name: "Create user" }).click();
  await expect(create).toBeHidden();
  const row = page.getByRole("table", { name: "Users" }).getByRole("row").filter({ hasText: username });
  await expect(row).toContainText("platform-regular");
  await expect(row.getByText("active")).toBeVisible();

  // The workspace, then the invitation from its Members tab.
  await page.getByRole("navigation", { name: "Main" }).first().getByRole("link", { name: "Workspaces" }).click();
  await page.getByRole("button", { name: "Create workspace" }).click();
  const dialog = page.getByRole("dialog", { name: "Create workspace" });
  await dialog.getByLabel("Name", { exact: true }).fill(workspace);
  await dialog.getByRole("checkbox", { name: /^host\b/ }).check();
  await dialog.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(new RegExp(`/workspaces/${workspace}$`));
  await page.getByRole("navigation", { name: "Workspace sections" }).getByRole("link", { name: "Members" }).click();
  await page.getByRole("button", { name: "Invite member" }).click();
  const invite = page.getByRole("form", { name: "Invite member" });
  await invite.getByRole("combobox", { name: "Username" }).fill(username);
  await invite.getByRole("option", { name: new RegExp(username) }).click();
  await invite.getByLabel("Role").selectOption("regular");
  await invite.getByRole("button", { name: "Invite member" }).click();
  await expect(page.getByLabel(`Role of ${username}`)).toHaveValue("regular");

  // The user signs in and sees that workspace and nothing else.
  const userPage = await pageAs(browser, username, password(username));
  await userPage.goto("/workspaces");
  const list = userPage.getByRole("table", { name: "Workspaces" });
  await expect(list.getByRole("link", { name: workspace })).toBeVisible();
  await expect(list.getByRole("row")).toHaveCount(2); // header + the one workspace
  await expect(userPage.getByRole("link", { name: "Users" })).toHaveCount(0);
  await userPage.context().close();
});

test("a workspace admin composes a custom role in the editor, reviews an edit and assigns the role", async ({ page }) => {
  const member = await apiUser("e2e-member");
  await addToDemo(member, "viewer");
  const role = unique("e2e-role");
  await signIn(page, "alice", demoPassword);

  await page.goto("/workspaces/demo/roles");
  await page.getByRole("link", { name: "Create role" }).click();
  const form = page.getByRole("form", { name: "Create role" });
  await form.getByLabel("Name", { exact: true }).fill(role);
  await form.getByLabel("Display name").fill("Member manager");
  // Managing members needs viewing them, which needs viewing roles: both come along, locked.
  await form.getByRole("checkbox", { name: "Invite, change and remove workspace members" }).check();
  for (const implied of ["View workspace members", "View workspace roles"]) {
    await expect(form.getByRole("checkbox", { name: implied })).toBeChecked();
    await expect(form.getByRole("checkbox", { name: implied })).toBeDisabled();
  }
  await form.getByRole("checkbox", { name: "View the workspace's details" }).check();
  await form.getByRole("button", { name: "Create role" }).click();
  await expect(page).toHaveURL(/\/workspaces\/demo\/roles$/);
  const row = page.getByRole("table", { name: "Roles" }).getByRole("row").filter({ hasText: role });
  await expect(row).toContainText("Custom");
  await expect(row.getByRole("cell").nth(2)).toHaveText("4");

  // An edit shows what it adds before it is saved.
  await row.getByRole("link", { name: role }).click();
  await page.getByRole("checkbox", { name: "Search the workspace's audit log" }).check();
  await page.getByRole("button", { name: "Review changes" }).click();
  const review = page.getByRole("dialog", { name: `Review changes to ${role}` });
  await expect(review.getByRole("region", { name: "Added permissions" })).toContainText("workspace-audit.view");
  await expect(review.getByRole("region", { name: "Removed permissions" })).toHaveCount(0);
  await review.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/\/workspaces\/demo\/roles$/);
  await expect(page.getByRole("row").filter({ hasText: role }).getByRole("cell").nth(2)).toHaveText("5");

  // Assign it on the Members tab; it sticks across a reload.
  await page.getByRole("navigation", { name: "Workspace sections" }).getByRole("link", { name: "Members" }).click();
  await page.getByLabel(`Role of ${member}`).selectOption(role);
  // viewer → the new role is a raise: asked first, naming what it adds.
  await page.getByRole("dialog", { name: `Make ${member} ${role}?` }).getByRole("button", { name: `Make ${role}` }).click();
  await expect(page.getByLabel(`Role of ${member}`)).toHaveValue(role); // the select follows the server's answer
  await page.reload();
  await expect(page.getByLabel(`Role of ${member}`)).toHaveValue(role);
  await page.goto("/workspaces/demo/roles");
  await expect(page.getByRole("row").filter({ hasText: role }).getByRole("cell").nth(3)).toHaveText("1");
});

test("a member who may manage members but not hold admin is refused when granting admin, with what they lack", async ({ page }) => {
  const role = unique("member-manager");
  const created = await alice.post("/api/v1/workspaces/demo/roles", { data: { name: role, templates: ["workspace-members.manage", "workspace-settings.view"] } });
  expect(created.status()).toBe(201);
  const manager = await apiUser("e2e-mgr");
  const target = await apiUser("e2e-target");
  await addToDemo(manager, role);
  await addToDemo(target, "regular");

  await signIn(page, manager, password(manager));
  await page.goto("/workspaces/demo/members");
  const select = page.getByLabel(`Role of ${target}`);
  await expect(select.locator("option", { hasText: "admin (needs permissions you don't hold)" })).toHaveCount(1);
  await select.selectOption("admin");
  await page.getByRole("dialog", { name: `Make ${target} admin?` }).getByRole("button", { name: "Make admin" }).click();

  const alert = page.getByRole("alert").filter({ hasText: "You cannot grant" });
  await expect(alert).toContainText("You cannot grant permissions you do not hold here");
  await expect(alert).toContainText("You don't hold these permissions here:");
  await expect(alert.getByRole("listitem").filter({ hasText: "workspace-settings.manage" })).toBeVisible();
  await expect(page.getByText(`Could not change the role of ${target}:`)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(`Role of ${target}`)).toHaveValue("regular");
});
