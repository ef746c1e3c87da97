"use client";
import { useState, type FormEvent } from "react";
import { useBindings, useCreateBinding, useDeleteBinding } from "@/lib/client/hooks/identity";
import { useT } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { ActionsTh, DataTable, TBody, Td, Th } from "@/components/ui/data-table";
import { FormError, TextField } from "@/components/ui/field";
import { ErrorState } from "@/components/ui/states";
import { useCan } from "@/lib/client/hooks/can";
import { ExpiryPicker, ExpiryText, expiryInstant, type Expiry } from "@/components/members/expiry-picker";

/** Group → workspace (or project) with a role; applied at each sign-in through this provider. */
export function BindingsTable({ provider }: { provider: string }) {
  const t = useT();
  const bindings = useBindings(provider);
  const create = useCreateBinding(provider);
  const remove = useDeleteBinding(provider);
  const [expiry, setExpiry] = useState<Expiry>({ kind: "never" });
  const { can, guard } = useCan();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const project = String(f.get("project") ?? "").trim();
    const expiresAt = expiryInstant(expiry);
    const ok = await create
      .mutateAsync({ group: String(f.get("group")), workspace: String(f.get("workspace")), role: String(f.get("role")), ...(project ? { project } : {}), ...(expiresAt !== null ? { expiresAt } : {}) })
      .then(() => true, () => false);
    if (ok) {
      form.reset();
      setExpiry({ kind: "never" });
    }
  }

  return (
    <div className="space-y-3">
      {/* An unread list is an error, not an empty one. */}
      {bindings.isError ? (
        <ErrorState error={bindings.error} onRetry={() => bindings.refetch()} />
      ) : (
        <DataTable caption={t("idp.bindingsOf", { name: provider })}>
          <thead>
            <tr>
              <Th>{t("idp.group")}</Th>
              <Th>{t("idp.workspace")}</Th>
              <Th>{t("idp.project")}</Th>
              <Th>{t("idp.role")}</Th>
              <Th>{t("expiry.column")}</Th>
              <ActionsTh />
            </tr>
          </thead>
          <TBody>
            {(bindings.data?.items ?? []).map((b) => (
              <tr key={b.id}>
                <Td>{b.group}</Td>
                <Td>{b.workspace}</Td>
                <Td>{b.project || "—"}</Td>
                <Td>{b.role}</Td>
                <Td>
                  <ExpiryText expiresAt={b.expiresAt} />
                </Td>
                <Td className="text-right">
                  <Button variant="ghost" className="px-2 text-red-700" {...guard("settings.manage", remove.isPending)} onClick={() => remove.mutate(b.id)} aria-label={t("idp.removeBinding", { group: b.group })}>
                    {t("ui.remove")}
                  </Button>
                </Td>
              </tr>
            ))}
          </TBody>
        </DataTable>
      )}
      {/* Binding groups is settings.manage: a reader of the settings gets the table only. */}
      {can("settings.manage") && (
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
        <TextField label={t("idp.group")} name="group" required />
        <TextField label={t("idp.workspace")} name="workspace" required />
        <TextField label={t("idp.projectOptional")} name="project" />
        <TextField label={t("idp.role")} name="role" required placeholder="viewer" />
        <div className="basis-full">
          <ExpiryPicker value={expiry} onChange={setExpiry} />
        </div>
        <Button type="submit" variant="secondary" {...guard("settings.manage", create.isPending)}>
          {t("idp.bindGroup")}
        </Button>
      </form>
      )}
      <FormError error={create.error} />
    </div>
  );
}
