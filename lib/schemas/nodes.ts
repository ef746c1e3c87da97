import { z } from "zod";
import { listOf } from "./responses";

const amounts = z.object({ cpu: z.string(), memory: z.string() });

/** A node as lib/kube/nodes.ts summarizes it: quantities in Kubernetes notation. */
export const nodeSummaryOut = z
  .object({
    name: z.string(),
    roles: z.array(z.string()),
    status: z.enum(["Ready", "NotReady", "Unknown"]),
    unschedulable: z.boolean(),
    kubeletVersion: z.string().nullable(),
    capacity: amounts,
    allocatable: amounts,
    requested: amounts.describe("Summed requests of the pods bound to the node that have not finished"),
    pods: z.number().int().min(0),
  })
  .meta({ id: "NodeSummary" });

export const clusterNodesOut = listOf(nodeSummaryOut);
