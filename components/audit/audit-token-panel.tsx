"use client";
import { useState } from "react";
import { useIssueAuditToken } from "@/lib/client/hooks/audit";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FileBlock } from "@/components/ui/file-block";
import { FormError } from "@/components/ui/field";
import { useT } from "@/lib/i18n/client";
import { useCan } from "@/lib/client/hooks/can";

/**
 * For the cluster page (platform admins): issues the cluster's audit webhook token and shows it, exactly once, in
 * the files to save on the control plane (the webhook kubeconfig and an audit policy) with the kube-apiserver flags
 * naming them. Issuing again revokes the old token, so that is asked first.
 */
export function AuditTokenPanel({ cluster, issuedAt }: { cluster: string; issuedAt?: string | null }) {
  const t = useT();
  const issue = useIssueAuditToken(cluster);
  const { guard } = useCan();
  const [asking, setAsking] = useState(false);
  const issued = issue.data;
  const reissue = !!(issuedAt || issued);
  return (
    <Card
      title={t("auditToken.title")}
      actions={
        <Button variant="secondary" onClick={() => (reissue ? setAsking(true) : issue.mutate())} {...guard("clusters.manage", issue.isPending)}>
          {issue.isPending ? t("auditToken.issuing") : reissue ? t("auditToken.reissue") : t("auditToken.issue")}
        </Button>
      }
    >
      <p className="text-sm text-zinc-600">{t("auditToken.intro")}</p>
      <FormError error={asking ? null : issue.error} />
      {issued && (
        <div className="mt-4 space-y-2">
          <p className="text-sm font-medium text-amber-700">{t("auditToken.copyNow")}</p>
          {issued.files.map((f) => (
            <FileBlock key={f.path} path={f.path} content={f.content} />
          ))}
          <FileBlock path={t("auditToken.flags")} download={false} content={issued.files.map((f) => `${f.flag}=${f.path}`).join(" \\\n")} />
        </div>
      )}
      <ConfirmDialog
        open={asking}
        title={t("confirm.reissueTitle", { cluster })}
        error={issue.error}
        pending={issue.isPending}
        confirmLabel={t("confirm.reissueConfirm")}
        pendingLabel={t("auditToken.issuing")}
        onConfirm={() => issue.mutate(undefined, { onSuccess: () => setAsking(false) })}
        onClose={() => setAsking(false)}
      >
        {t("confirm.reissueBody", { cluster })}
      </ConfirmDialog>
    </Card>
  );
}
