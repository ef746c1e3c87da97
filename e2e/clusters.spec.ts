// A platform admin adds a cluster through the form and watches its health; a cluster that goes down
// is shown as down while the rest of the console keeps working.
import { expect, test, type Page } from "@playwright/test";
import { startSimulator, type Simulator } from "../sim/index";
import { unique } from "./support/api";
import { signIn } from "./support/pages";

let sim: Simulator;

test.beforeAll(async () => {
  sim = await startSimulator({ name: "e2e-extra", tls: true, nodes: 5 });
});
test.afterAll(async () => {
  await sim?.stop();
});

async function fillClusterForm(page: Page, name: string, kubeconfig: string) {
  await page.goto("/clusters/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Kubeconfig", { exact: true }).fill(kubeconfig);
  await page.getByRole("button", { name: "Add cluster" }).click();
}

test("a kubeconfig that can't connect is refused with the reason, and nothing is registered", async ({ page }) => {
  await signIn(page, "admin");
  const name = unique("broken");
  await fillClusterForm(page, name, sim.kubeconfig().replace(/token: .*/, "token: wrong-token"));
  await expect(page.getByText(/Could not connect: 401/)).toBeVisible();
  expect((await page.request.get(`/api/v1/clusters/${name}`)).status()).toBe(404);
});

test("add a cluster through the form, see it healthy, then see it down when it stops answering", async ({ page }) => {
  await signIn(page, "admin");
  const name = unique("extra");
  await fillClusterForm(page, name, sim.kubeconfig());

  await expect(page).toHaveURL(new RegExp(`/clusters/${name}$`));
  await expect(page.getByText("ready").first()).toBeVisible();
  await expect(page.getByText(/^v1\.\d+/).first()).toBeVisible();

  await page.goto("/clusters");
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row.getByText("ready")).toBeVisible();
  await expect(row.getByRole("cell", { name: "5", exact: true })).toBeVisible();

  await sim.stop();
  // The background health check runs every 2 s in e2e and the list refreshes by itself.
  await expect(row.getByText("down")).toBeVisible({ timeout: 45_000 });
  await expect(page.getByRole("row", { name: /^host/ }).getByText("ready")).toBeVisible();

  await page.getByRole("link", { name: "Workspaces" }).click();
  await expect(page.getByRole("link", { name: "demo", exact: true })).toBeVisible();

  // Removing it takes typing its name before the button arms.
  await page.goto(`/clusters/${name}`);
  await page.getByRole("button", { name: "Delete cluster" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete cluster" });
  await expect(dialog.getByRole("button", { name: "Delete cluster" })).toBeDisabled();
  await dialog.getByLabel(`Type ${name} to confirm`).fill(name);
  await dialog.getByRole("button", { name: "Delete cluster" }).click();
  await expect(page).toHaveURL(/\/clusters$/);
  expect((await page.request.get(`/api/v1/clusters/${name}`)).status()).toBe(404);
});
