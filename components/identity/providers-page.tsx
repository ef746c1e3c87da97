"use client";
import dynamic from "next/dynamic";
import { useState } from "react";
import { useDeleteProvider, useIdentityProviders, useTestProvider, useUpdateProvider, type ProviderInput } from "@/lib/client/hooks/identity";
import type { IdentityProviderInfo } from "@/lib/client/types";
import { useT } from "@/lib/i18n/client";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { DetailList } from "@/components/ui/card";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { TestResultLine } from "./test-result-line";
import { BindingsTable } from "./bindings-table";
import { useCan } from "@/lib/client/hooks/can";

// Opened by a click (or below the fold): the form layer (react-hook-form) loads with it, not in the page's first load.
const ProviderForm = dynamic(() => import("./provider-form").then((m) => m.ProviderForm), { ssr: false });

/** The body PUT takes to change only what `change` says of a saved provider (its secret stays). */
const asInput = (p: IdentityProviderInfo, change: Partial<ProviderInput>): ProviderInput => ({
  name: p.name,
  type: p.type,
  displayName: p.displayName ?? undefined,
  enabled: p.enabled,
  mappingMethod: p.mappingMethod,
  config: p.config,
  ...change,
});

function ProviderCard({ p, origin }: { p: IdentityProviderInfo; origin: string }) {
  const t = useT();
  const test = useTestProvider(p.name);
  const update = useUpdateProvider();
  const remove = useDeleteProvider();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [disabling, setDisabling] = useState(false);
  // Everything here changes the platform's settings: a reader of them sees each control disabled, with why.
  const { guard } = useCan();
  const name = p.displayName || p.name;
  return (
    <Card
      title={`${name} (${p.type.toUpperCase()})`}
      actions={
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => test.mutate()} {...guard("settings.manage", test.isPending)}>
            {test.isPending ? t("idp.testing") : t("idp.test")}
          </Button>
          <Button variant="secondary" {...guard("settings.manage")} aria-expanded={editing} aria-label={t("ui.editNamed", { name })} onClick={() => setEditing((e) => !e)}>
            {editing ? t("ui.cancel") : t("ui.edit")}
          </Button>
          <Button
            variant="secondary"
            aria-label={t(p.enabled ? "ui.disableNamed" : "ui.enableNamed", { name })}
            {...guard("settings.manage", update.isPending)}
            // Disabling shuts its users out, so it is asked first; enabling applies at once.
            onClick={() => (p.enabled ? setDisabling(true) : update.mutate(asInput(p, { enabled: true })))}
          >
            {t(p.enabled ? "ui.disable" : "ui.enable")}
          </Button>
          <Button variant="ghost" className="text-red-700" {...guard("settings.manage")} aria-label={t("ui.deleteNamed", { name })} onClick={() => setDeleting(true)}>
            {t("ui.delete")}
          </Button>
        </div>
      }
    >
      {test.data && (
        <div className="mb-3">
          <TestResultLine result={test.data} />
        </div>
      )}
      {editing ? (
        <ProviderForm provider={p} onDone={() => setEditing(false)} />
      ) : (
        <DetailList
          items={[
            { label: t("common.name"), value: p.name },
            { label: t("idp.users"), value: t(p.mappingMethod === "auto" ? "idp.mapAutoShort" : "idp.mapLookupShort") },
            { label: t("idp.enabled"), value: t(p.enabled ? "ui.yes" : "ui.no") },
            { label: t(p.type === "oidc" ? "idp.clientSecret" : "idp.servicePassword"), value: t(p.hasSecret ? "idp.secretSet" : "idp.secretNone") },
            ...(p.type === "oidc"
              ? [
                  { label: t("idp.field.issuer"), value: String(p.config.issuer) },
                  { label: t("idp.redirectUri"), value: `${origin}/api/auth/callback/oidc-${p.name}` },
                ]
              : [
                  { label: t("idp.field.url"), value: String(p.config.url) },
                  { label: t("idp.field.userBase"), value: String(p.config.userBase) },
                ]),
          ]}
        />
      )}
      <h3 className="mb-2 mt-5 text-sm font-semibold text-zinc-900">{t("idp.groupBindings")}</h3>
      <BindingsTable provider={p.name} />
      <ConfirmDialog
        open={deleting}
        title={t("idp.deleteTitle", { name })}
        error={remove.error}
        pending={remove.isPending}
        confirmLabel={t("ui.delete")}
        pendingLabel={t("ui.deleting")}
        onConfirm={() => remove.mutate(p.name, { onSuccess: () => setDeleting(false) })}
        onClose={() => setDeleting(false)}
      >
        {t("idp.deleteBody")}
      </ConfirmDialog>
      <ConfirmDialog
        open={disabling}
        title={t("confirm.idpDisableTitle", { name })}
        error={update.error}
        pending={update.isPending}
        confirmLabel={t("ui.disable")}
        pendingLabel={t("ui.saving")}
        onConfirm={() => update.mutate(asInput(p, { enabled: false }), { onSuccess: () => setDisabling(false) })}
        onClose={() => {
          update.reset();
          setDisabling(false);
        }}
      >
        {t("confirm.idpDisableBody", { name })}
      </ConfirmDialog>
    </Card>
  );
}

/** Platform settings: identity providers, listed on the sign-in page when enabled. */
export function ProvidersPage({ origin }: { origin: string }) {
  const t = useT();
  const providers = useIdentityProviders();
  const [adding, setAdding] = useState(false);
  const { guard } = useCan();
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("user.identityProviders")}
        description={t("idp.description")}
        actions={<Button {...guard("settings.manage")} onClick={() => setAdding((a) => !a)}>{adding ? t("ui.cancel") : t("idp.add")}</Button>}
      />
      {adding && (
        <Card title={t("idp.newTitle")}>
          <ProviderForm onDone={() => setAdding(false)} />
        </Card>
      )}
      {providers.isPending ? (
        <LoadingState />
      ) : providers.isError ? (
        <ErrorState error={providers.error} onRetry={() => providers.refetch()} />
      ) : providers.data.items.length === 0 ? (
        <EmptyState title={t("idp.empty")}>{t("idp.emptyHint")}</EmptyState>
      ) : (
        providers.data.items.map((p) => <ProviderCard key={p.id} p={p} origin={origin} />)
      )}
    </div>
  );
}
