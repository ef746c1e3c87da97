"use client";
import { useRouter } from "next/navigation";
import { useState, type ChangeEvent, type FormEvent } from "react";
import { fieldErrors, formProblem } from "@/lib/client/api";
import { useT } from "@/lib/i18n/client";
import { useRegisterCluster } from "@/lib/client/hooks/clusters";
import { Card } from "@/components/ui/card";
import { FormError, TextAreaField, TextField } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";

const MAX_KUBECONFIG_BYTES = 256 * 1024;

/** Registration connects to the cluster first; a kubeconfig that cannot reach it comes back as a 422 on `kubeconfig`. */
export function RegisterClusterForm() {
  const t = useT();
  const router = useRouter();
  const register = useRegisterCluster();
  const [kubeconfig, setKubeconfig] = useState("");
  const [fileError, setFileError] = useState<string>();
  const errors = fieldErrors(register.error);
  const formError = formProblem(register.error);

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    setFileError(undefined);
    if (!file) return;
    if (file.size > MAX_KUBECONFIG_BYTES) {
      setFileError(t("clusters.fileTooLarge"));
      return;
    }
    setKubeconfig(await file.text());
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    register.mutate(
      { name: String(form.get("name") ?? "").trim(), displayName: String(form.get("displayName") ?? "").trim() || undefined, kubeconfig },
      { onSuccess: (cluster) => router.push(`/clusters/${cluster.name}`) },
    );
  }

  return (
    <Card>
      <form onSubmit={onSubmit} noValidate className="space-y-5">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={t("common.name")} name="name" required autoComplete="off" spellCheck={false} error={errors.name} hint={t("ui.nameHint")} />
          <TextField label={t("ui.displayName")} name="displayName" autoComplete="off" error={errors.displayName} />
        </div>
        <TextAreaField
          label={t("clusters.kubeconfig")}
          name="kubeconfig"
          rows={12}
          spellCheck={false}
          className="font-mono text-xs"
          value={kubeconfig}
          onChange={(e) => setKubeconfig(e.target.value)}
          error={errors.kubeconfig}
          hint={t("clusters.kubeconfigHint")}
        />
        <TextField label={t("clusters.upload")} type="file" accept=".yaml,.yml,.conf,.config,.kubeconfig,text/*" onChange={onFile} error={fileError} className="file:mr-3 file:rounded file:border-0 file:bg-zinc-100 file:px-3 file:py-1 file:text-sm" />
        <FormError error={formError} />
        <FormActions submitLabel={t("clusters.add")} pendingLabel={t("clusters.connecting")} pending={register.isPending} cancelHref="/clusters" />
      </form>
    </Card>
  );
}
