"use client";
import { useState, type FormEvent } from "react";
import { useBindings, useCreateBinding, useDeleteBinding } from "@/lib/client/hooks/identity";
import { useT } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { actionsColumn, ListTable, type ListColumn } from "@/components/ui/list-table";
import { useListView } from "@/lib/client/list-view";
import type { GroupBindingInfo } from "@/lib/client/types";
import { FormError, TextField } from "@/components/ui/field";
import { useCan } from "@/lib/client/hooks/can";
import { ExpiryPicker, ExpiryText, expiryInstant, type Expiry } from "@/components/members/expiry-picker";
import { RoleName } from "@/components/ui/role-name";

const NONE: GroupBindingInfo[] = [];

/** Group → workspace (or project) with a role; applied at each sign-in through this provider. */
export function BindingsTable({ provider }: { provider: string }) {
  const t = useT();
  const bindings = useBindings(provider);
  const create = useCreateBinding(provider);
  const remove = useDeleteBinding(provider);
  const [expiry, setExpiry] = useState<Expiry>({ kind: "never" });
  const [removing, setRemoving] = useState<GroupBindingInfo | null>(null);
  const { can, guard } = useCan();
  const view = useListView([], `bindings-${provider}`);
  const columns: ListColumn<GroupBindingInfo>[] = [
    { id: "group", header: t("idp.group"), fixed: true, cell: (b) => b.group },
    { id: "workspace", header: t("idp.workspace"), cell: (b) => b.workspace },
    { id: "project", header: t("idp.project"), cell: (b) => b.project || "—" },
    { id: "role", header: t("idp.role"), cell: (b) => <RoleName level={b.project ? "project" : "workspace"} name={b.role} /> },
    { id: "expiresAt", header: t("expiry.column"), cell: (b) => <ExpiryText expiresAt={b.expiresAt} /> },
    {
      ...actionsColumn,
      header: t("ui.actions"),
      cell: (b) => (
        <Button variant="ghost" className="px-2 text-red-700" {...guard("settings.manage", remove.isPending)} onClick={() => setRemoving(b)} aria-label={t("idp.removeBinding", { group: b.group })}>
          {t("ui.remove")}
        </Button>
      ),
    },
  ];

  function closeRemoving() {
    remove.reset();
    setRemoving(null);
  }

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
      <ListTable
        caption={t("idp.bindingsOf", { name: provider })}
        columns={columns}
        source={{ rows: bindings.data?.items ?? NONE, pending: bindings.isPending, error: bindings.isError ? bindings.error : null, retry: () => void bindings.refetch() }}
        rowKey={(b) => b.id}
        view={view}
        empty={<p className="text-sm text-zinc-500">{t("common.none")}</p>}
      />
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
      {/* Removing a binding takes the role back from the group's users at once: said and asked first. */}
      <ConfirmDialog
        open={removing !== null}
        title={t("readonly.unbindTitle", { group: removing?.group ?? "" })}
        error={remove.error}
        pending={remove.isPending}
        confirmLabel={t("readonly.unbindConfirm")}
        pendingLabel={t("readonly.removing")}
        onConfirm={() => removing && remove.mutate(removing.id, { onSuccess: closeRemoving })}
        onClose={closeRemoving}
      >
        {removing &&
          t("readonly.unbindBody", {
            group: removing.group,
            role: removing.role,
            where: removing.project ? `${removing.workspace}/${removing.project}` : removing.workspace,
            provider,
          })}
      </ConfirmDialog>
    </div>
  );
}
