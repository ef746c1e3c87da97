// Workload controllers behind the API (https://kubernetes.io/docs/concepts/workloads/controllers/): what the console's
// workloads pages read. A Deployment makes a ReplicaSet that makes its pods and says so in Events; a Job's selector
// and pod labels name it by uid; objects go with their owner; templates are validated as the real API server does.
import { AppsV1Api, BatchV1Api, CoreV1Api, type V1PodSpec } from "@kubernetes/client-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, failure, openTarget, type Target } from "./target";

let t: Target;
let core: CoreV1Api;
let apps: AppsV1Api;
let batch: BatchV1Api;
let ns: string;
const spec: V1PodSpec = { containers: [{ name: "web", image: "registry.example/web:1" }] };
const labels = { app: "web" };

beforeAll(async () => {
  t = await openTarget();
  core = t.admin.makeApiClient(CoreV1Api);
  apps = t.admin.makeApiClient(AppsV1Api);
  batch = t.admin.makeApiClient(BatchV1Api);
  ns = `${t.run}-workloads`;
  await core.createNamespace({ body: { metadata: { name: ns } } });
});
afterAll(async () => {
  await core.deleteNamespace({ name: ns }).catch(() => undefined);
  await t.close();
});

describe("workload controllers", () => {
  it("a Deployment makes a ReplicaSet with the template's hash, which makes the pods; both controllers record Events", async () => {
    await apps.createNamespacedDeployment({ namespace: ns, body: { metadata: { name: "web" }, spec: { replicas: 2, selector: { matchLabels: labels }, template: { metadata: { labels }, spec } } } });
    await eventually(async () => expect((await apps.listNamespacedReplicaSet({ namespace: ns })).items.length === 1).toBe(true));
    const rs = (await apps.listNamespacedReplicaSet({ namespace: ns })).items[0]!;
    const hash = rs.metadata!.labels!["pod-template-hash"]!;
    expect(rs.metadata).toMatchObject({ name: `web-${hash}`, ownerReferences: [{ kind: "Deployment", name: "web", controller: true }] });
    expect(rs.spec).toMatchObject({ replicas: 2, selector: { matchLabels: { app: "web", "pod-template-hash": hash } } });
    await eventually(async () => expect((await core.listNamespacedPod({ namespace: ns, labelSelector: `pod-template-hash=${hash}` })).items.length === 2).toBe(true));
    const pod = (await core.listNamespacedPod({ namespace: ns, labelSelector: `pod-template-hash=${hash}` })).items[0]!;
    expect(pod.metadata!.name).toMatch(new RegExp(`^web-${hash}-[a-z0-9]{5}$`));
    expect(pod.metadata!.ownerReferences).toMatchObject([{ kind: "ReplicaSet", name: rs.metadata!.name, controller: true }]);
    const about = async (kind: string, name: string) => (await core.listNamespacedEvent({ namespace: ns, fieldSelector: `involvedObject.kind=${kind},involvedObject.name=${name}` })).items;
    await eventually(async () => expect((await about("ReplicaSet", rs.metadata!.name!)).some((e) => e.reason === "SuccessfulCreate")).toBe(true));
    const scaled = await about("Deployment", "web");
    expect(scaled).toContainEqual(expect.objectContaining({ reason: "ScalingReplicaSet", type: "Normal", message: `Scaled up replica set web-${hash} from 0 to 2` }));
    expect((await about("ReplicaSet", rs.metadata!.name!)).map((e) => e.message)).toContain(`Created pod: ${pod.metadata!.name}`);
  });

  it("the Deployment's status counts its replicas; deleting it takes its ReplicaSet and pods", async () => {
    await eventually(async () => expect((await apps.readNamespacedDeployment({ namespace: ns, name: "web" })).status?.replicas === 2).toBe(true));
    const d = await apps.readNamespacedDeployment({ namespace: ns, name: "web" });
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 2, updatedReplicas: 2 });
    expect(d.status!.conditions!.map((c) => c.type).sort()).toEqual(["Available", "Progressing"]);
    await apps.deleteNamespacedDeployment({ namespace: ns, name: "web" });
    await eventually(async () => expect((await apps.listNamespacedReplicaSet({ namespace: ns })).items.length === 0 && (await core.listNamespacedPod({ namespace: ns })).items.length === 0).toBe(true));
  });

  it("a Job's selector and pod labels name it by uid, with the API server's defaults", async () => {
    const job = await batch.createNamespacedJob({ namespace: ns, body: { metadata: { name: "once" }, spec: { template: { spec: { ...spec, restartPolicy: "Never" } } } } });
    const uid = job.metadata!.uid!;
    expect(job.spec).toMatchObject({ parallelism: 1, completions: 1, backoffLimit: 6, completionMode: "NonIndexed", suspend: false, selector: { matchLabels: { "batch.kubernetes.io/controller-uid": uid } } });
    expect(job.spec!.template.metadata!.labels).toMatchObject({ "batch.kubernetes.io/controller-uid": uid, "batch.kubernetes.io/job-name": "once", "job-name": "once" });
    await eventually(async () => expect((await core.listNamespacedPod({ namespace: ns, labelSelector: "job-name=once" })).items.length === 1).toBe(true));
  });

  it("refuses templates the controllers could not run: no selector, a selector that misses, a Job that restarts Always", async () => {
    const missing = await failure(apps.createNamespacedDeployment({ namespace: ns, body: { metadata: { name: "bad1" }, spec: { template: { metadata: { labels }, spec } } } as never }));
    expect(missing.code).toBe(422);
    expect(missing.body.details.causes).toContainEqual(expect.objectContaining({ reason: "FieldValueRequired", field: "spec.selector" }));
    const misses = await failure(apps.createNamespacedStatefulSet({ namespace: ns, body: { metadata: { name: "bad2" }, spec: { serviceName: "x", selector: { matchLabels: { app: "other" } }, template: { metadata: { labels }, spec } } } }));
    expect(misses.code).toBe(422);
    expect(misses.body.details.causes).toContainEqual(expect.objectContaining({ reason: "FieldValueInvalid", field: "spec.template.metadata.labels" }));
    const always = await failure(batch.createNamespacedJob({ namespace: ns, body: { metadata: { name: "bad3" }, spec: { template: { spec: { ...spec, restartPolicy: "Always" } } } } }));
    expect(always.code).toBe(422);
    expect(always.body.details.causes).toContainEqual({ reason: "FieldValueRequired", field: "spec.template.spec.restartPolicy", message: 'Required value: valid values: "OnFailure", "Never"' });
  });

  it("a Secret's stringData is write-only: stored base64 in data, over data's own keys", async () => {
    const secret = await core.createNamespacedSecret({ namespace: ns, body: { metadata: { name: "creds" }, data: { a: "b2xk", b: "a2VwdA==" }, stringData: { a: "new" } } });
    expect(secret).toMatchObject({ type: "Opaque", data: { a: Buffer.from("new").toString("base64"), b: "a2VwdA==" } });
    expect(secret.stringData).toBeUndefined();
  });
});
