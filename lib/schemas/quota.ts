// Quota bodies shared by routes and forms: ResourceQuota `hard` maps and LimitRange `Container` items.
import { z } from "zod";
import { ERR_RANGE, parseQuantity } from "@/sim/quantity";
import { dnsLabel } from "./common";

/**
 * A non-negative Kubernetes quantity (`500m`, `2Gi`, `10`), read by the one parser (Kubernetes' grammar and
 * limits, see sim/quantity.ts), so what passes here is what the services and the cluster parse.
 */
export const quantity = z
  .union([z.string().max(100, "At most 100 characters."), z.number()])
  .transform((v) => String(v).trim())
  .superRefine((v, ctx) => {
    const message = quantityIssue(v);
    if (message) ctx.addIssue({ code: "custom", message });
  });

/** Why `v` is no quantity a quota may hold, or undefined: the one check, also for defaults that never pass a schema. */
export function quantityIssue(v: string): string | undefined {
  let q;
  try {
    q = parseQuantity(v);
  } catch (err) {
    return (err as Error).message === ERR_RANGE ? ERR_RANGE : "Not a Kubernetes quantity (e.g. 500m, 2Gi, 10).";
  }
  return q.nanos < 0n ? "Must not be negative." : undefined;
}

/** A ResourceQuota key: `requests.cpu`, `pods`, `count/deployments.apps`, `<class>.storageclass.storage.k8s.io/requests.storage`… */
export const quotaKey = z
  .string()
  .max(253)
  .regex(/^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[a-z0-9]([-a-z0-9._]*[a-z0-9])?$/, "Not a ResourceQuota resource name.");

export const hardMap = z.record(quotaKey, quantity).refine((m) => Object.keys(m).length <= 64, "At most 64 keys.");

export const projectQuotaBody = z.object({ hard: hardMap }).strict();
export type ProjectQuotaBody = z.infer<typeof projectQuotaBody>;

export const workspaceQuotaBody = z
  .object({ hard: hardMap, defaultProject: z.object({ hard: hardMap }).strict().nullable().optional() })
  .strict();
export type WorkspaceQuotaBody = z.infer<typeof workspaceQuotaBody>;

const resourceMap = z.record(z.string().regex(/^[a-z0-9]([-a-z0-9./]*[a-z0-9])?$/, "Not a resource name."), quantity);
export const limitsBody = z
  .object({ default: resourceMap.optional(), defaultRequest: resourceMap.optional(), max: resourceMap.optional(), min: resourceMap.optional() })
  .strict();
export type LimitsBody = z.infer<typeof limitsBody>;

export const quotaParams = z.object({ ws: dnsLabel, cluster: dnsLabel });

/** `?dryRun=true` (or Kubernetes' `All`): everything checked and answered, nothing changed. */
export const dryRunQuery = z.object({ dryRun: z.enum(["true", "false", "All"]).optional() });
export const isDryRun = (q: z.infer<typeof dryRunQuery>) => q.dryRun === "true" || q.dryRun === "All";

export const podSecurityLevel = z.enum(["privileged", "baseline", "restricted"]);
export const podSecurityBody = z.object({ level: podSecurityLevel }).strict();
export type PodSecurityLevel = z.infer<typeof podSecurityLevel>;

/** `{ "node-pool": "tenant-a" }`: Kubernetes label keys and values. */
export const nodeSelectorBody = z
  .object({
    nodeSelector: z.record(
      z.string().max(253).regex(/^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/, "Not a label key."),
      z.string().max(63).regex(/^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/, "Not a label value."),
    ),
  })
  .strict();
