// The kinds a project's workloads pages list, in the order they show (no zod: the browser imports this too).
export const WORKLOAD_KINDS = ["deployments", "statefulsets", "daemonsets", "jobs", "cronjobs", "pods", "services", "configmaps", "secrets", "events"] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];
export const isWorkloadKind = (s: string): s is WorkloadKind => (WORKLOAD_KINDS as readonly string[]).includes(s);

/** The kind slug of an object Kind an event names (`Pod` → `pods`), when the pages show that kind. */
export function kindOf(objectKind: string): WorkloadKind | undefined {
  const slug = `${objectKind.toLowerCase()}s`;
  return isWorkloadKind(slug) ? slug : undefined;
}
