"use client";
import { useIssueAuditToken } from "@/lib/client/hooks/audit";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/field";
import { rich } from "@/components/ui/rich";
import { useT } from "@/lib/i18n/client";

/**
 * For the cluster page (platform admins): issues the cluster's audit webhook token and shows it, with the
 * kubeconfig for kube-apiserver's --audit-webhook-config-file, exactly once. Issuing again revokes the old token.
 */
export function AuditTokenPanel({ cluster, issuedAt }: { cluster: string; issuedAt?: string | null }) {
  const t = useT();
  const issue = useIssueAuditToken(cluster);
  const issued = issue.data;
  return (
    <Card
      title={t("auditToken.title")}
      actions={
        <Button variant="secondary" onClick={() => issue.mutate()} disabled={issue.isPending}>
          {issue.isPending ? t("auditToken.issuing") : issuedAt || issued ? t("auditToken.reissue") : t("auditToken.issue")}
        </Button>
      }
    >
      <p className="text-sm text-zinc-600">
        {rich(t("auditToken.intro"), {
          file: <code>--audit-webhook-config-file</code>,
          policy: <code>--audit-policy-file</code>,
          stage: <code>RequestReceived</code>,
        })}
      </p>
      <FormError error={issue.error} />
      {issued && (
        <div className="mt-4 space-y-2">
          <p className="text-sm font-medium text-amber-700">{t("auditToken.copyNow")}</p>
          <pre className="overflow-auto rounded bg-zinc-900 p-3 text-xs text-zinc-100" aria-label={t("auditToken.kubeconfig")}>
            {issued.kubeconfig}
          </pre>
        </div>
      )}
    </Card>
  );
}
