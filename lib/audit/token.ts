// Per-cluster bearer tokens for the Kubernetes audit webhook. Only a SHA-256 of the token is stored
// (it is 256 random bits, so a slow hash adds nothing); issuing a new one replaces, and so revokes, the old.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { db } from "../db/client";
import { notFound } from "../api/errors";

/** Where kube-apiservers reach the webhook, and the CA they are to trust there (base64 PEM) when it is ours. */
export interface WebhookEndpoint {
  baseUrl: string;
  caData?: string;
}

/**
 * The webhook's endpoint: TENANTRY_AUDIT_WEBHOOK_URL when set; otherwise the console's own TLS listener
 * (TENANTRY_AUDIT_TLS_PORT on the public host, lib/audit/webhook-tls.ts); otherwise the public origin if it is
 * HTTPS (a publicly trusted certificate at the proxy). Null over plain HTTP alone: client-go sends the token
 * only over TLS, so a kubeconfig naming an http:// URL would be refused on every batch.
 */
export function webhookEndpoint(origin: string | null, env: Record<string, string | undefined> = process.env): WebhookEndpoint | null {
  const caFile = env.TENANTRY_AUDIT_TLS_DIR ? join(env.TENANTRY_AUDIT_TLS_DIR, "ca.crt") : undefined;
  const caData = caFile && existsSync(caFile) ? readFileSync(caFile).toString("base64") : undefined;
  if (env.TENANTRY_AUDIT_WEBHOOK_URL) return { baseUrl: env.TENANTRY_AUDIT_WEBHOOK_URL, caData };
  if (env.TENANTRY_AUDIT_TLS_PORT && origin) {
    const url = new URL(origin);
    url.protocol = "https:";
    url.port = env.TENANTRY_AUDIT_TLS_PORT;
    return { baseUrl: url.origin, caData };
  }
  return origin?.startsWith("https://") ? { baseUrl: origin } : null;
}

const PREFIX = "tnt_audit_";
const sha256 = (s: string) => createHash("sha256").update(s).digest();

/** A file kube-apiserver reads, where the cluster page suggests saving it, and the flag naming it. */
export interface WebhookFile { path: string; flag: string; content: string }

export interface IssuedAuditToken {
  cluster: string;
  token: string;
  webhookUrl: string;
  /** The kubeconfig-format file for kube-apiserver's --audit-webhook-config-file. */
  kubeconfig: string;
  /** The files to save on the control plane, as the card shows them: the webhook kubeconfig and an audit policy. */
  files: WebhookFile[];
  issuedAt: string;
}

/** Metadata for every request, without the RequestReceived stage (each request would arrive twice). */
export const AUDIT_POLICY = stringify({ apiVersion: "audit.k8s.io/v1", kind: "Policy", omitStages: ["RequestReceived"], rules: [{ level: "Metadata" }] });

export function webhookFiles(kubeconfig: string): WebhookFile[] {
  return [
    { path: "/etc/kubernetes/tenantry-audit-webhook.kubeconfig", flag: "--audit-webhook-config-file", content: kubeconfig },
    { path: "/etc/kubernetes/tenantry-audit-policy.yaml", flag: "--audit-policy-file", content: AUDIT_POLICY },
  ];
}

export function webhookKubeconfig(webhookUrl: string, token: string, caData?: string): string {
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: "tenantry-audit", cluster: { server: webhookUrl, ...(caData ? { "certificate-authority-data": caData } : {}) } }],
    users: [{ name: "tenantry-audit", user: { token } }],
    contexts: [{ name: "tenantry-audit", context: { cluster: "tenantry-audit", user: "tenantry-audit" } }],
    "current-context": "tenantry-audit",
  });
}

export async function issueAuditToken(clusterName: string, endpoint: WebhookEndpoint): Promise<IssuedAuditToken> {
  const token = PREFIX + randomBytes(32).toString("base64url");
  const issuedAt = new Date();
  const { count } = await db().cluster.updateMany({
    where: { name: clusterName },
    data: { auditTokenHash: sha256(token).toString("hex"), auditTokenIssuedAt: issuedAt },
  });
  if (count === 0) throw notFound("Cluster");
  const webhookUrl = `${endpoint.baseUrl.replace(/\/$/, "")}/api/v1/audit/webhook/${encodeURIComponent(clusterName)}`;
  const kubeconfig = webhookKubeconfig(webhookUrl, token, endpoint.caData);
  return { cluster: clusterName, token, webhookUrl, kubeconfig, files: webhookFiles(kubeconfig), issuedAt: issuedAt.toISOString() };
}

/** The cluster whose current token `authorization` carries, or null (unknown cluster, no token, wrong token). */
export async function clusterForToken(clusterName: string, authorization: string | null): Promise<{ id: string; name: string } | null> {
  const token = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  if (!token) return null;
  const cluster = await db().cluster.findUnique({ where: { name: clusterName }, select: { id: true, name: true, auditTokenHash: true } });
  const presented = sha256(token);
  const expected = cluster?.auditTokenHash ? Buffer.from(cluster.auditTokenHash, "hex") : sha256("no token issued");
  const match = expected.length === presented.length && timingSafeEqual(expected, presented);
  return cluster?.auditTokenHash && match ? { id: cluster.id, name: cluster.name } : null;
}
