import { z } from "zod";

// What PostgreSQL's timestamptz and int8 hold (and a search could mean): anything else is a 422, not a database error.
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const INT8_MAX = 2n ** 63n - 1n;
const searchDate = z.coerce
  .date()
  .refine((d) => d.getTime() >= EARLIEST && d.getTime() <= LATEST, "A date between 1970-01-01 and 9999-12-31.");
const cursorOk = (c: string) => {
  if (!/^\d{1,15}\.\d{1,19}$/.test(c)) return true; // the regex reports it
  const [ms, seq] = c.split(".");
  return Number(ms) >= EARLIEST && Number(ms) <= LATEST && BigInt(seq!) <= INT8_MAX;
};

export const auditQuery = z.object({
  from: searchDate.optional(),
  to: searchDate.optional(),
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
  cursor: z
    .string()
    .regex(/^\d{1,15}\.\d{1,19}$/, "Use the nextCursor of the previous page.")
    .refine(cursorOk, "Use the nextCursor of the previous page.")
    .optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;
/** The filters alone (no paging): what histogram and export share with the search. */
export type AuditFilters = Omit<AuditQuery, "limit" | "cursor"> & { cursor?: string };

/** Histogram bucket widths, smallest first; `auto` picks one giving at most ~120 buckets. */
export const histogramIntervals = { "1m": 60, "5m": 300, "15m": 900, "1h": 3600, "6h": 21600, "1d": 86400 } as const;
export type HistogramInterval = keyof typeof histogramIntervals;

export const auditHistogramQuery = auditQuery
  .omit({ limit: true, cursor: true })
  .extend({ interval: z.enum(["auto", ...(Object.keys(histogramIntervals) as HistogramInterval[])]).default("auto") });
export type AuditHistogramQuery = z.infer<typeof auditHistogramQuery>;

export const auditExportQuery = auditQuery.omit({ limit: true, cursor: true }).extend({ format: z.enum(["csv", "ndjson"]).default("csv") });
export type AuditExportQuery = z.infer<typeof auditExportQuery>;

// ---- audit.k8s.io/v1 EventList, as kube-apiserver's webhook backend sends it (k8s.io/apiserver/pkg/apis/audit/v1).

const timestamp = z
  .string()
  .max(64)
  .refine((s) => !Number.isNaN(Date.parse(s)), "An RFC 3339 timestamp.");

export const kubeAuditEvent = z.object({
  kind: z.literal("Event").optional(),
  apiVersion: z.literal("audit.k8s.io/v1").optional(),
  level: z.enum(["None", "Metadata", "Request", "RequestResponse"]),
  auditID: z.string().min(1).max(128),
  stage: z.enum(["RequestReceived", "ResponseStarted", "ResponseComplete", "Panic"]),
  requestURI: z.string().max(16384),
  verb: z.string().min(1).max(64),
  user: z.object({ username: z.string().max(512).optional(), uid: z.string().optional(), groups: z.array(z.string()).optional(), extra: z.record(z.string(), z.array(z.string())).optional() }),
  impersonatedUser: z.object({ username: z.string().max(512).optional(), groups: z.array(z.string()).optional() }).passthrough().nullish(),
  sourceIPs: z.array(z.string().max(64)).max(64).optional(),
  userAgent: z.string().max(4096).optional(),
  objectRef: z
    .object({
      resource: z.string().max(253).optional(),
      namespace: z.string().max(253).optional(),
      name: z.string().max(253).optional(),
      uid: z.string().optional(),
      apiGroup: z.string().max(253).optional(),
      apiVersion: z.string().max(64).optional(),
      resourceVersion: z.string().optional(),
      subresource: z.string().max(253).optional(),
    })
    .nullish(),
  responseStatus: z
    .object({ code: z.number().int().min(0).max(999).optional(), status: z.string().optional(), message: z.string().optional(), reason: z.string().optional() })
    .passthrough()
    .nullish(),
  requestObject: z.unknown().optional(),
  responseObject: z.unknown().optional(),
  requestReceivedTimestamp: timestamp,
  stageTimestamp: timestamp,
  annotations: z.record(z.string(), z.string()).nullish(),
});
export type KubeAuditEvent = z.infer<typeof kubeAuditEvent>;

export const kubeAuditEventList = z.object({
  kind: z.literal("EventList"),
  apiVersion: z.literal("audit.k8s.io/v1"),
  metadata: z.object({}).passthrough().optional(),
  items: z.array(kubeAuditEvent).max(20_000),
});
export type KubeAuditEventList = z.infer<typeof kubeAuditEventList>;
