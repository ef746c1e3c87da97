// A project's workloads, kind by kind, read from its cluster as the caller (lib/kube/workloads.ts): the path's
// kind and name, each kind's list row, and one object's status, events and YAML. A Secret's values are never here.
import { z } from "zod";
import { dnsLabel } from "./common";
import { WORKLOAD_KINDS, type WorkloadKind } from "./workload-kinds";

export { WORKLOAD_KINDS, type WorkloadKind };

/** A Kubernetes object name: a DNS subdomain (events and config maps have dots in theirs). */
const objectName = z
  .string()
  .min(1, "Required.")
  .max(253, "At most 253 characters.")
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/, "Not a Kubernetes object name.");
/** Any word here: a kind the pages do not show is a 404 after authorization, so outsiders learn nothing from it. */
const kind = z.string().max(63).describe(`One of ${WORKLOAD_KINDS.join(", ")}.`);
export const workloadKindParams = z.object({ ws: dnsLabel, project: dnsLabel, kind });
export const workloadObjectParams = workloadKindParams.extend({ name: objectName });

const time = z.iso.datetime();
const count = z.number().int().min(0);
const base = { name: z.string(), createdAt: time.nullable() };
const eventRow = z.object({ ...base, type: z.string(), reason: z.string(), object: z.string(), message: z.string(), count, lastSeen: time.nullable() });

/** Each kind's list row: what `kubectl get` shows of it. */
export const workloadRows = {
  deployments: z.object({ ...base, ready: z.string(), upToDate: count, available: count }),
  statefulsets: z.object({ ...base, ready: z.string() }),
  daemonsets: z.object({ ...base, desired: count, current: count, ready: count, available: count }),
  jobs: z.object({ ...base, status: z.enum(["Complete", "Failed", "Suspended", "Running"]), completions: z.string(), startedAt: time.nullable(), completedAt: time.nullable() }),
  cronjobs: z.object({ ...base, schedule: z.string(), suspended: z.boolean(), active: count, lastScheduledAt: time.nullable() }),
  pods: z.object({ ...base, phase: z.string(), ready: z.string(), restarts: count, node: z.string().nullable(), reason: z.string().nullable() }),
  services: z.object({ ...base, type: z.string(), clusterIP: z.string().nullable(), ports: z.string() }),
  configmaps: z.object({ ...base, keys: z.array(z.string()) }),
  /** Names of the keys only: the values never leave the server. */
  secrets: z.object({ ...base, type: z.string(), keys: z.array(z.string()) }),
  events: eventRow,
} satisfies Record<WorkloadKind, z.ZodType>;
export type WorkloadRow<K extends WorkloadKind = WorkloadKind> = z.infer<(typeof workloadRows)[K]>;
const r = workloadRows;
const anyRow = z.union([r.deployments, r.statefulsets, r.daemonsets, r.jobs, r.cronjobs, r.pods, r.services, r.configmaps, r.secrets, r.events]);

/** Facts of one object beyond its row; the console words each key. */
export const FACT_KEYS = ["owner", "selector", "strategy", "serviceName", "podIP", "hostIP", "qosClass", "serviceAccount", "source"] as const;
export type FactKey = (typeof FACT_KEYS)[number];

const kubeErrorCode = z.enum(["forbidden", "unauthorized", "not_found", "already_exists", "conflict", "invalid", "too_many_requests", "timeout", "unavailable", "internal", "unreachable", "untrusted", "failed"]);
const who = { cluster: z.string(), namespace: z.string(), identity: z.string(), groups: z.array(z.string()), kind: z.enum(WORKLOAD_KINDS) };

export const workloadListOut = z.object({ ...who, items: z.array(anyRow) }).meta({ id: "WorkloadList" });

export const workloadDetailOut = z
  .object({
    ...who,
    name: z.string(),
    apiVersion: z.string(),
    objectKind: z.string(),
    row: anyRow,
    labels: z.record(z.string(), z.string()),
    facts: z.array(z.object({ key: z.enum(FACT_KEYS), value: z.string() })),
    conditions: z.array(z.object({ type: z.string(), status: z.string(), reason: z.string().nullable(), message: z.string().nullable(), lastTransitionTime: time.nullable() })),
    containers: z.array(z.object({ name: z.string(), image: z.string(), init: z.boolean(), ready: z.boolean().nullable(), restarts: count.nullable(), state: z.string().nullable(), reason: z.string().nullable() })),
    /** Events about this object, newest first; (items null) why the cluster did not list them. */
    events: z.object({ items: z.array(eventRow).nullable(), error: z.string().nullable(), code: kubeErrorCode.optional() }),
    /** As the API server returned it, without managedFields; a Secret without its data. */
    yaml: z.string(),
  })
  .meta({ id: "WorkloadDetail" });
export type WorkloadDetail = z.infer<typeof workloadDetailOut>;
