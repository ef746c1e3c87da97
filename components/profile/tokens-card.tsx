"use client";
import { useState, type FormEvent } from "react";
import { useT } from "@/lib/i18n/client";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { actionsColumn, ListTable, type ListColumn } from "@/components/ui/list-table";
import { FormError, TextField } from "@/components/ui/field";
import { useFormat } from "@/lib/client/format";
import { useCreateToken, useDeleteToken, useMyTokens } from "@/lib/client/hooks/profile";
import type { ApiTokenInfo } from "@/lib/client/types";
import { useListView } from "@/lib/client/list-view";

const NONE: ApiTokenInfo[] = [];

/** Personal access tokens: the secret is shown once, right after it is created, and goes when the token is revoked. */
export function TokensCard() {
  const t = useT();
  const { formatDateTime } = useFormat();
  const tokens = useMyTokens();
  const view = useListView([], "tokens");
  const create = useCreateToken();
  const remove = useDeleteToken();
  const [fresh, setFresh] = useState<{ id: string; token: string }>();
  const [revoking, setRevoking] = useState<ApiTokenInfo | null>(null);
  function closeRevoke() {
    remove.reset();
    setRevoking(null);
  }
  function revoke(token: ApiTokenInfo) {
    remove.mutate(token.id, {
      onSuccess: () => {
        setFresh((f) => (f?.id === token.id ? undefined : f));
        closeRevoke();
      },
    });
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const days = Number(data.get("expiresInDays") || 0);
    const made = await create.mutateAsync({ name: String(data.get("name") ?? ""), ...(days ? { expiresInDays: days } : {}) }).catch(() => null);
    if (made) {
      setFresh({ id: made.id, token: made.token });
      form.reset();
    }
  }

  const columns: ListColumn<ApiTokenInfo>[] = [
    { id: "name", header: t("common.name"), fixed: true, cell: (token) => token.name },
    { id: "token", header: t("tokens.token"), className: "font-mono", cell: (token) => `${token.prefix}…` },
    { id: "expires", header: t("tokens.expires"), cell: (token) => (token.expiresAt ? formatDateTime(token.expiresAt) : t("tokens.never")) },
    { id: "lastUsed", header: t("tokens.lastUsed"), cell: (token) => formatDateTime(token.lastUsedAt) },
    {
      ...actionsColumn,
      header: t("ui.actions"),
      cell: (token) => (
        <Button variant="ghost" className="px-2 text-red-700" aria-label={t("tokens.revokeNamed", { name: token.name })} disabled={remove.isPending} onClick={() => setRevoking(token)}>
          {t("tokens.revoke")}
        </Button>
      ),
    },
  ];

  return (
    <Card title={t("tokens.title")}>
      <form onSubmit={onSubmit} className="mb-4 flex flex-wrap items-end gap-3">
        <TextField label={t("tokens.name")} name="name" required maxLength={63} />
        <TextField label={t("tokens.expiresIn")} name="expiresInDays" type="number" min={1} max={3650} placeholder={t("tokens.never")} />
        <Button type="submit" disabled={create.isPending}>
          {t("tokens.create")}
        </Button>
      </form>
      <FormError error={create.error} />
      {fresh && (
        <div role="status" className="mb-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
          <div className="flex items-center justify-between gap-2">
            {t("tokens.copyNow")}
            <CopyButton text={fresh.token} what={t("tokens.token")} />
          </div>
          <code data-testid="new-token" className="mt-1 block break-all font-mono">
            {fresh.token}
          </code>
        </div>
      )}
      <ListTable
        caption={t("tokens.caption")}
        columns={columns}
        source={{ rows: tokens.data?.items ?? NONE, pending: tokens.isPending, error: tokens.isError ? tokens.error : null, retry: () => void tokens.refetch() }}
        rowKey={(token) => token.id}
        view={view}
        empty={<p className="text-sm text-zinc-500">{t("common.none")}</p>}
      />
      <ConfirmDialog
        open={revoking !== null}
        title={t("confirm.revokeTokenTitle", { name: revoking?.name ?? "" })}
        error={remove.error}
        pending={remove.isPending}
        confirmLabel={t("tokens.revoke")}
        pendingLabel={t("confirm.revoking")}
        onConfirm={() => revoking && revoke(revoking)}
        onClose={closeRevoke}
      >
        {revoking && t("confirm.revokeTokenBody", { name: revoking.name, prefix: revoking.prefix })}
      </ConfirmDialog>
    </Card>
  );
}
