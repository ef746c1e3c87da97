import { z } from "zod";

export const auditQuery = z.object({
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  user: z.string().max(100).optional(),
  workspace: z.string().max(63).optional(),
  project: z.string().max(63).optional(),
  cluster: z.string().max(63).optional(),
  resource: z.string().max(100).optional(),
  name: z.string().max(253).optional(),
  verb: z.string().max(100).optional(),
  status: z.string().regex(/^([1-5]\d\d|[1-5]xx)$/, "A status code like 403 or a class like 4xx.").optional(),
  outcome: z.enum(["success", "denied", "failure"]).optional(),
  ip: z.string().max(64).optional(),
  source: z.enum(["console", "kubernetes"]).optional(),
  q: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().regex(/^\d+$/, "Use the nextCursor of the previous page.").optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;
