"use client";
import { useRouter } from "next/navigation";
import { useState, type ChangeEvent } from "react";
import { useZodForm } from "@/lib/client/form";
import { useT } from "@/lib/i18n/client";
import { useRegisterCluster } from "@/lib/client/hooks/clusters";
import { useCan } from "@/lib/client/hooks/can";
import { Card } from "@/components/ui/card";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";

const clusterSchema = () => import("@/lib/schemas/cluster").then((m) => m.clusterCreate);

const MAX_KUBECONFIG_BYTES = 256 * 1024;

/** Registration connects to the cluster first; a kubeconfig that cannot reach it comes back as a 422 on `kubeconfig`. */
export function RegisterClusterForm() {
  const t = useT();
  const router = useRouter();
  const register = useRegisterCluster();
  const form = useZodForm(clusterSchema, { defaultValues: { name: "", displayName: "", kubeconfig: "" } });
  const [fileError, setFileError] = useState<string>();
  const { requires } = useCan();

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    setFileError(undefined);
    if (!file) return;
    if (file.size > MAX_KUBECONFIG_BYTES) {
      setFileError(t("clusters.fileTooLarge"));
      return;
    }
    form.setValue("kubeconfig", await file.text(), { shouldValidate: form.formState.isSubmitted });
  }

  return (
    <Card>
      <form onSubmit={form.submit(register, { onSuccess: (cluster) => router.push(`/clusters/${cluster.name}`) })} noValidate {...requires("clusters.manage")} className="space-y-5">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={t("common.name")} {...form.field("name")} required autoComplete="off" spellCheck={false} hint={t("ui.nameHint")} />
          <TextField label={t("ui.displayName")} {...form.field("displayName")} autoComplete="off" />
        </div>
        <TextAreaField
          label={t("clusters.kubeconfig")}
          {...form.field("kubeconfig")}
          rows={12}
          spellCheck={false}
          className="font-mono text-xs"
          hint={t("clusters.kubeconfigHint")}
        />
        <TextField label={t("clusters.upload")} type="file" accept=".yaml,.yml,.conf,.config,.kubeconfig,text/*" onChange={onFile} error={fileError} className="file:mr-3 file:rounded file:border-0 file:bg-zinc-100 file:px-3 file:py-1 file:text-sm" />
        <FormActions submitLabel={t("clusters.add")} pendingLabel={t("clusters.connecting")} pending={form.pending} cancelHref="/clusters" />
      </form>
    </Card>
  );
}
