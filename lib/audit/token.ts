// Per-cluster bearer tokens for the Kubernetes audit webhook. Only a SHA-256 of the token is stored
// (it is 256 random bits, so a slow hash adds nothing); issuing a new one replaces, and so revokes, the old.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { stringify } from "yaml";
import { db } from "../db/client";
import { notFound } from "../api/errors";

const PREFIX = "tnt_audit_";
const sha256 = (s: string) => createHash("sha256").update(s).digest();

export interface IssuedAuditToken {
  cluster: string;
  token: string;
  webhookUrl: string;
  /** The kubeconfig-format file for kube-apiserver's --audit-webhook-config-file. */
  kubeconfig: string;
  issuedAt: string;
}

export function webhookKubeconfig(webhookUrl: string, token: string): string {
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: "tenantry-audit", cluster: { server: webhookUrl } }],
    users: [{ name: "tenantry-audit", user: { token } }],
    contexts: [{ name: "tenantry-audit", context: { cluster: "tenantry-audit", user: "tenantry-audit" } }],
    "current-context": "tenantry-audit",
  });
}

export async function issueAuditToken(clusterName: string, baseUrl: string): Promise<IssuedAuditToken> {
  const token = PREFIX + randomBytes(32).toString("base64url");
  const issuedAt = new Date();
  const { count } = await db().cluster.updateMany({
    where: { name: clusterName },
    data: { auditTokenHash: sha256(token).toString("hex"), auditTokenIssuedAt: issuedAt },
  });
  if (count === 0) throw notFound("Cluster");
  const webhookUrl = `${baseUrl.replace(/\/$/, "")}/api/v1/audit/webhook/${encodeURIComponent(clusterName)}`;
  return { cluster: clusterName, token, webhookUrl, kubeconfig: webhookKubeconfig(webhookUrl, token), issuedAt: issuedAt.toISOString() };
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
