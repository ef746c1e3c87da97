"use client";
import { useState, type FormEvent } from "react";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { DataTable, TBody, Td, Th } from "@/components/ui/data-table";
import { FormError, TextField } from "@/components/ui/field";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { formatDateTime } from "@/lib/client/format";
import { useCreateToken, useDeleteToken, useMyTokens } from "@/lib/client/hooks/profile";

/** Personal access tokens: the secret is shown once, right after it is created. */
export function TokensCard() {
  const tokens = useMyTokens();
  const create = useCreateToken();
  const remove = useDeleteToken();
  const [fresh, setFresh] = useState<string>();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const days = Number(data.get("expiresInDays") || 0);
    const made = await create.mutateAsync({ name: String(data.get("name") ?? ""), ...(days ? { expiresInDays: days } : {}) }).catch(() => null);
    if (made) {
      setFresh(made.token);
      form.reset();
    }
  }

  return (
    <Card title="API tokens">
      <form onSubmit={onSubmit} className="mb-4 flex flex-wrap items-end gap-3">
        <TextField label="Token name" name="name" required maxLength={63} />
        <TextField label="Expires in (days)" name="expiresInDays" type="number" min={1} max={3650} placeholder="never" />
        <Button type="submit" disabled={create.isPending}>
          Create token
        </Button>
      </form>
      <FormError message={create.error?.message} />
      {fresh && (
        <div role="status" className="mb-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
          Copy this token now; it will not be shown again:
          <code data-testid="new-token" className="mt-1 block break-all font-mono">
            {fresh}
          </code>
        </div>
      )}
      {tokens.isPending ? (
        <LoadingState />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} />
      ) : (
        <DataTable caption="Your API tokens">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Token</Th>
              <Th>Expires</Th>
              <Th>Last used</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <TBody>
            {tokens.data.items.map((t) => (
              <tr key={t.id}>
                <Td>{t.name}</Td>
                <Td className="font-mono">{t.prefix}…</Td>
                <Td>{t.expiresAt ? formatDateTime(t.expiresAt) : "never"}</Td>
                <Td>{formatDateTime(t.lastUsedAt)}</Td>
                <Td className="text-right">
                  <Button variant="ghost" className="px-2 text-red-700" aria-label={`Revoke ${t.name}`} disabled={remove.isPending} onClick={() => remove.mutate(t.id)}>
                    Revoke
                  </Button>
                </Td>
              </tr>
            ))}
          </TBody>
        </DataTable>
      )}
    </Card>
  );
}
