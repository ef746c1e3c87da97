// #15 item 10: the console's language, not the browser's, formats dates and names roles; code blocks follow the theme.
import { expect, test } from "@playwright/test";
import { signIn } from "./support/pages";

// An English browser: whatever is Chinese on the page comes from the console's language.
test.use({ locale: "en-US" });

test("in Chinese, dates and role names read Chinese in an English browser; in dark mode a YAML block is dark", async ({ page, context, baseURL }) => {
  await signIn(page, "admin");
  await context.addCookies([{ name: "tenantry-locale", value: "zh", url: baseURL! }]);

  await page.goto("/users?q=alice");
  const alice = page.getByRole("row").filter({ has: page.getByText("alice", { exact: true }) });
  await expect(alice).toContainText("平台普通用户"); // platform-regular, named in Chinese
  await expect(alice.getByRole("cell").filter({ hasText: /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}$/ }).first()).toBeVisible();

  await page.emulateMedia({ colorScheme: "dark" }); // the default theme follows the system
  await page.goto("/workspaces/demo/projects/demo-web/workloads/configmaps/kube-root-ca.crt");
  const yaml = page.getByTestId("workload-yaml");
  await expect(yaml).toContainText("kind: ConfigMap");
  // The block's background as the screen shows it (any CSS colour syntax), as relative luminance 0–1.
  const luminance = await yaml.evaluate((el) => {
    const ctx = document.createElement("canvas").getContext("2d")!;
    ctx.fillStyle = getComputedStyle(el).backgroundColor;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b] = ctx.getImageData(0, 0, 1, 1).data;
    return (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
  });
  expect(luminance).toBeLessThan(0.3);
});
