// Network isolation bodies: workspace on/off, and a project's ingress/egress allow-lists.
import { z } from "zod";
import { dnsLabel } from "./common";

const cidr = z
  .string()
  .regex(/^(\d{1,3}(\.\d{1,3}){3}\/\d{1,2}|[0-9a-fA-F:]+\/\d{1,3})$/, "Not a CIDR (e.g. 10.0.0.0/8).");

const port = z
  .object({ port: z.union([z.number().int().min(1).max(65535), z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/).max(15)]), protocol: z.enum(["TCP", "UDP", "SCTP"]).default("TCP") })
  .strict();

/** One allowed peer: exactly one of project, workspace or cidr (with optional `except`), and optional ports. */
export const allowEntry = z
  .object({ project: dnsLabel.optional(), workspace: dnsLabel.optional(), cidr: cidr.optional(), except: z.array(cidr).max(16).optional(), ports: z.array(port).max(16).optional() })
  .strict()
  .refine((e) => [e.project, e.workspace, e.cidr].filter(Boolean).length === 1, "Give exactly one of project, workspace or cidr.")
  .refine((e) => !e.except || e.cidr, "`except` only goes with `cidr`.");
export type AllowEntry = z.infer<typeof allowEntry>;

export const workspaceNetworkBody = z.object({ isolated: z.boolean() }).strict();

export const projectNetworkBody = z
  .object({
    isolated: z.boolean(),
    allow: z.array(allowEntry).max(64).default([]),
    egress: z.object({ isolated: z.boolean(), allow: z.array(allowEntry).max(64).default([]) }).strict().optional(),
  })
  .strict();
export type ProjectNetwork = z.infer<typeof projectNetworkBody>;

export const connectivityQuery = z.object({ cluster: dnsLabel.optional() });
