import { z } from "zod";
import { displayName, dnsLabel } from "./common";

const labels = z.record(z.string().max(63), z.string().max(63)).refine((l) => Object.keys(l).length <= 32, "At most 32 labels.");
const kubeconfig = z.string().min(1, "Paste or upload a kubeconfig.").max(256 * 1024, "At most 256 KiB.");

export const clusterCreate = z.object({
  name: dnsLabel,
  displayName: displayName.optional(),
  labels: labels.optional(),
  kubeconfig: kubeconfig.optional(),
  /** Register the cluster this console runs in, through the pod's service account. */
  inCluster: z.boolean().optional(),
}).refine((c) => Boolean(c.kubeconfig) !== Boolean(c.inCluster), { message: "Give either a kubeconfig or inCluster: true.", path: ["kubeconfig"] });
export type ClusterCreate = z.infer<typeof clusterCreate>;

export const clusterUpdate = z
  .object({ displayName: displayName.nullable().optional(), labels: labels.optional(), kubeconfig: kubeconfig.optional() })
  .strict();
export type ClusterUpdate = z.infer<typeof clusterUpdate>;

export const clusterParams = z.object({ cluster: dnsLabel });
