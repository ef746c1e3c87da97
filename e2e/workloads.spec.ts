// #15 item 8: a project's workloads in the browser. A project operator opens the Workloads tab of demo-web, switches
// kinds (each tab counted), opens a pod made here and sees its status, the Events the cluster recorded about it and
// its YAML; a Secret made here lists with its keys and never its value.
import { expect, test } from "@playwright/test";
import { CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import { dataDir, demoPassword, unique } from "./support/api";

const pod = unique("e2e-pod");
const secret = unique("e2e-secret");
const VALUE = "e2e-secret-value-never-shown";

test.beforeAll(async () => {
  const kc = new KubeConfig();
  kc.loadFromFile(`${dataDir}/clusters/host.kubeconfig`);
  const core = kc.makeApiClient(CoreV1Api);
  const namespace = "demo-web";
  // Admitted under Pod Security "restricted", with its own requests so no quota default is needed.
  await core.createNamespacedPod({
    namespace,
    body: {
      metadata: { name: pod, labels: { app: pod } },
      spec: {
        securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: "RuntimeDefault" } },
        containers: [{ name: "web", image: "registry.example/web:1", resources: { requests: { cpu: "10m", memory: "16Mi" }, limits: { cpu: "100m", memory: "64Mi" } }, securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } } }],
      },
    },
  });
  await core.createNamespacedSecret({ namespace, body: { metadata: { name: secret }, stringData: { token: VALUE } } });
});

test("a project operator switches kinds, opens a pod and reads its Events and YAML", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Username").fill("carol");
  await page.getByLabel("Password").fill(demoPassword);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/workspaces/demo/projects/demo-web");
  await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Workloads" }).click();
  await expect(page.getByRole("heading", { name: "Workloads" })).toBeVisible();
  await expect(page.getByText("Read from the cluster as tenantry:carol")).toBeVisible();

  const kinds = page.getByRole("navigation", { name: "Kinds of objects" });
  await expect(kinds.getByRole("link", { name: /^Deployments/ })).toHaveAttribute("aria-current", "page");
  await kinds.getByRole("link", { name: /^Secrets/ }).click();
  const secrets = page.getByRole("table", { name: "Secrets" });
  await expect(secrets.getByRole("row").filter({ hasText: secret })).toContainText("token");
  await expect(page.getByText(VALUE)).toHaveCount(0);

  await kinds.getByRole("link", { name: /^Pods/ }).click();
  await expect(page).toHaveURL(/kind=pods/);
  await page.getByRole("table", { name: "Pods" }).getByRole("link", { name: pod }).click();
  await expect(page.getByRole("heading", { name: `Pod ${pod}` })).toBeVisible();
  await expect(page.getByRole("table", { name: "Containers" })).toContainText("registry.example/web:1");
  // The simulator's scheduler and kubelet started it and said so.
  const events = page.getByRole("table", { name: "Events" });
  await expect(events).toContainText("Scheduled");
  await expect(events).toContainText("Started container web");
  const yaml = page.getByTestId("workload-yaml");
  await expect(yaml).toContainText("kind: Pod");
  await expect(yaml).toContainText(`name: ${pod}`);
  await expect(yaml).not.toContainText("managedFields");

  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Pods" }).click();
  await expect(page.getByRole("table", { name: "Pods" })).toBeVisible();
});
