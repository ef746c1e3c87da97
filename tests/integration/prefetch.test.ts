// A page's server render asks its first queries ahead through the routes (lib/web/prefetch.tsx). A cluster that
// does not answer must not hold the page until its requests time out: past the prefetch's budget the page goes out
// with the answers it has, and the browser asks for the rest itself.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { User } from "@prisma/client";
import { createWorkspace } from "@/lib/tenancy/workspaces";
import { createProject } from "@/lib/tenancy/projects";
import { Prefetched } from "@/lib/web/prefetch";
import { projectQuery, workloadListQuery } from "@/lib/client/queries";
import { inRequestScope, tokenFor } from "../support/call-route";
import { makeUser, principalOf, uniqueName } from "../support/fixtures";
import { registerSimulator, type TestCluster } from "../support/cluster";
import type { Simulator } from "@/sim/index";

let cluster: TestCluster & { sim: Simulator };
let owner: User;
let ws: string;
let project: string;

beforeAll(async () => {
  cluster = await registerSimulator("prefetch-sim");
  owner = await makeUser();
  ws = (await createWorkspace({ name: uniqueName("ws"), clusters: [cluster.name] }, owner)).name;
  project = (await createProject(ws, { name: uniqueName("p"), cluster: cluster.name }, owner, await principalOf(owner.username, { workspace: ws }))).name;
});

afterAll(async () => {
  await cluster.stop();
});

it("sends the page with the answers it has while a cluster hangs, without waiting for the cluster's timeout", async () => {
  // Longer than this test may take: a prefetch that waited for the cluster would fail it by its timeout.
  const kubeTimeout = process.env.TENANTRY_KUBE_TIMEOUT_MS;
  process.env.TENANTRY_KUBE_TIMEOUT_MS = "120000";
  cluster.sim.faults.set({ failStatus: "timeout" });
  try {
    const req = new Request(`http://localhost/workspaces/${ws}/projects/${project}/workloads`, { headers: { authorization: `Bearer ${await tokenFor(owner)}` } });
    const page = await inRequestScope(req, () => Prefetched({ queries: [projectQuery(ws, project), workloadListQuery(ws, project, "pods")], children: null }));
    const cached = (page.props as { state: { queries: { queryKey: unknown[]; state: { data: { name: string } } }[] } }).state.queries;
    // The project came from the database in time; the pods, from the hanging cluster, are left to the browser.
    expect(cached.map((q) => q.queryKey)).toEqual([projectQuery(ws, project).queryKey]);
    expect(cached[0]!.state.data.name).toBe(project);
  } finally {
    cluster.sim.faults.clear();
    if (kubeTimeout === undefined) delete process.env.TENANTRY_KUBE_TIMEOUT_MS;
    else process.env.TENANTRY_KUBE_TIMEOUT_MS = kubeTimeout;
  }
});
