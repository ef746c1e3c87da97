// Network isolation bodies: workspace on/off, and a project's ingress/egress allow-lists.
import { z } from "zod";
import { parseCidr, strictlyInside } from "./cidr";
import { dnsLabel } from "./common";

const cidr = z.string().max(64).refine((s) => parseCidr(s) !== undefined, "Not a CIDR (e.g. 10.0.0.0/8).");

/** A port number, or a named port as networking/v1 takes it (IANA_SVC_NAME: at least one letter, no "--"). */
const port = z
  .object({
    port: z.union([
      z.number().int().min(1).max(65535),
      z
        .string()
        .max(15)
        .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "A port number (1-65535) or a port name (lowercase letters, digits and '-').")
        .refine((s) => /[a-z]/.test(s) && !s.includes("--"), "A port number (1-65535) or a port name with at least one letter."),
    ]),
    protocol: z.enum(["TCP", "UDP", "SCTP"]).default("TCP"),
  })
  .strict();

/** One allowed peer: exactly one of project, workspace or cidr (with optional `except`), and optional ports. */
export const allowEntry = z
  .object({ project: dnsLabel.optional(), workspace: dnsLabel.optional(), cidr: cidr.optional(), except: z.array(cidr).max(16).optional(), ports: z.array(port).max(16).optional() })
  .strict()
  .refine((e) => [e.project, e.workspace, e.cidr].filter(Boolean).length === 1, "Give exactly one of project, workspace or cidr.")
  .refine((e) => !e.except || e.cidr, "`except` only goes with `cidr`.")
  .superRefine((e, ctx) => {
    const outer = e.cidr ? parseCidr(e.cidr) : undefined;
    e.except?.forEach((x, i) => {
      const inner = parseCidr(x);
      if (outer && inner && !strictlyInside(inner, outer)) ctx.addIssue({ code: "custom", path: ["except", i], message: "Must be a strict subset of `cidr`." });
    });
  });
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
