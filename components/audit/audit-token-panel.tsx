"use client";
import { useIssueAuditToken } from "@/lib/client/hooks/audit";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/field";

/**
 * For the cluster page (platform admins): issues the cluster's audit webhook token and shows it, with the
 * kubeconfig for kube-apiserver's --audit-webhook-config-file, exactly once. Issuing again revokes the old token.
 */
export function AuditTokenPanel({ cluster, issuedAt }: { cluster: string; issuedAt?: string | null }) {
  const issue = useIssueAuditToken(cluster);
  const issued = issue.data;
  return (
    <Card
      title="Kubernetes audit webhook"
      actions={
        <Button variant="secondary" onClick={() => issue.mutate()} disabled={issue.isPending}>
          {issue.isPending ? "Issuing…" : issuedAt || issued ? "Issue a new token" : "Issue token"}
        </Button>
      }
    >
      <p className="text-sm text-zinc-600">
        The API server sends its audit events here. Save the file below as the <code>--audit-webhook-config-file</code> of kube-apiserver (with an audit
        policy, e.g. <code>--audit-policy-file</code> omitting the <code>RequestReceived</code> stage). A new token revokes the previous one.
      </p>
      <FormError message={issue.error?.message} />
      {issued && (
        <div className="mt-4 space-y-2">
          <p className="text-sm font-medium text-amber-700">Copy it now: the token is shown only this once.</p>
          <pre className="overflow-auto rounded bg-zinc-900 p-3 text-xs text-zinc-100" aria-label="Audit webhook kubeconfig">
            {issued.kubeconfig}
          </pre>
        </div>
      )}
    </Card>
  );
}
