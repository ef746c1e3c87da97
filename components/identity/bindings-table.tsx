"use client";
import type { FormEvent } from "react";
import { useBindings, useCreateBinding, useDeleteBinding } from "@/lib/client/hooks/identity";
import { Button } from "@/components/ui/button";
import { DataTable, TBody, Td, Th } from "@/components/ui/data-table";
import { FormError, TextField } from "@/components/ui/field";

/** Group → workspace (or project) with a role; applied at each sign-in through this provider. */
export function BindingsTable({ provider }: { provider: string }) {
  const bindings = useBindings(provider);
  const create = useCreateBinding(provider);
  const remove = useDeleteBinding(provider);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const project = String(f.get("project") ?? "").trim();
    const ok = await create
      .mutateAsync({ group: String(f.get("group")), workspace: String(f.get("workspace")), role: String(f.get("role")), ...(project ? { project } : {}) })
      .then(() => true, () => false);
    if (ok) form.reset();
  }

  return (
    <div className="space-y-3">
      <DataTable caption={`Group bindings of ${provider}`}>
        <thead>
          <tr>
            <Th>Group</Th>
            <Th>Workspace</Th>
            <Th>Project</Th>
            <Th>Role</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <TBody>
          {(bindings.data?.items ?? []).map((b) => (
            <tr key={b.id}>
              <Td>{b.group}</Td>
              <Td>{b.workspace}</Td>
              <Td>{b.project || "—"}</Td>
              <Td>{b.role}</Td>
              <Td className="text-right">
                <Button variant="ghost" className="px-2 text-red-700" onClick={() => remove.mutate(b.id)} aria-label={`Remove binding of ${b.group}`}>
                  Remove
                </Button>
              </Td>
            </tr>
          ))}
        </TBody>
      </DataTable>
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
        <TextField label="Group" name="group" required />
        <TextField label="Workspace" name="workspace" required />
        <TextField label="Project (optional)" name="project" />
        <TextField label="Role" name="role" required placeholder="viewer" />
        <Button type="submit" variant="secondary" disabled={create.isPending}>
          Bind group
        </Button>
      </form>
      <FormError message={create.error?.message} />
    </div>
  );
}
