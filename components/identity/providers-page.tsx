"use client";
import { useState } from "react";
import { useDeleteProvider, useIdentityProviders, useTestProvider } from "@/lib/client/hooks/identity";
import type { IdentityProviderInfo } from "@/lib/client/types";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { DetailList } from "@/components/ui/card";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { ProviderForm } from "./provider-form";
import { BindingsTable } from "./bindings-table";

function ProviderCard({ p, origin }: { p: IdentityProviderInfo; origin: string }) {
  const test = useTestProvider(p.name);
  const remove = useDeleteProvider();
  return (
    <Card
      title={`${p.displayName || p.name} (${p.type.toUpperCase()})`}
      actions={
        <div className="flex gap-2">
          <Button variant="secondary" onClick={() => test.mutate()} disabled={test.isPending}>
            Test connection
          </Button>
          <Button variant="ghost" className="text-red-700" onClick={() => remove.mutate(p.name)}>
            Delete
          </Button>
        </div>
      }
    >
      {test.data && (
        <p role="status" className={`mb-3 text-sm ${test.data.ok ? "text-emerald-700" : "text-red-700"}`}>
          {test.data.ok ? "Connected: " : "Failed: "}
          {test.data.message}
        </p>
      )}
      <DetailList
        items={[
          { label: "Name", value: p.name },
          { label: "Users", value: p.mappingMethod === "auto" ? "created on first sign-in" : "existing users only" },
          { label: "Enabled", value: p.enabled ? "yes" : "no" },
          { label: p.type === "oidc" ? "Client secret" : "Service password", value: p.hasSecret ? "set (not shown)" : "none" },
          ...(p.type === "oidc"
            ? [{ label: "Issuer", value: String(p.config.issuer) }, { label: "Redirect URI", value: `${origin}/api/auth/callback/oidc-${p.name}` }]
            : [{ label: "Server", value: String(p.config.url) }, { label: "User base", value: String(p.config.userBase) }]),
        ]}
      />
      <h3 className="mb-2 mt-5 text-sm font-semibold text-zinc-900">Group bindings</h3>
      <BindingsTable provider={p.name} />
    </Card>
  );
}

/** Platform settings: identity providers, listed on the sign-in page when enabled. */
export function ProvidersPage({ origin }: { origin: string }) {
  const providers = useIdentityProviders();
  const [adding, setAdding] = useState(false);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Identity providers"
        description="OpenID Connect and LDAP directories users can sign in with, and the workspaces their groups join."
        actions={<Button onClick={() => setAdding((a) => !a)}>{adding ? "Cancel" : "Add provider"}</Button>}
      />
      {adding && (
        <Card title="New identity provider">
          <ProviderForm onDone={() => setAdding(false)} />
        </Card>
      )}
      {providers.isPending ? (
        <LoadingState />
      ) : providers.isError ? (
        <ErrorState error={providers.error} onRetry={() => providers.refetch()} />
      ) : providers.data.items.length === 0 ? (
        <EmptyState title="No identity providers">Users sign in with Tenantry accounts only.</EmptyState>
      ) : (
        providers.data.items.map((p) => <ProviderCard key={p.id} p={p} origin={origin} />)
      )}
    </div>
  );
}
