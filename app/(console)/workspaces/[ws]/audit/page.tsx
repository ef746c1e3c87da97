import { Suspense } from "react";
import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { AuditLog } from "@/components/audit/audit-log";
import { Prefetched } from "@/lib/web/prefetch";
import { auditPageQueries } from "@/lib/client/queries";
import type { SearchParams } from "@/lib/client/list-params";
import { ScopeTabs } from "@/components/members/scope-tabs";
import { LoadingState } from "@/components/ui/states";
import { workspaceScope } from "@/lib/client/access-scope";

type Params = { params: Promise<{ ws: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getT();
  return { title: `${t("nav.audit")} · ${(await params).ws}` };
}

// The workspace's own audit log: its console events and the Kubernetes events of its namespaces.
export default async function WorkspaceAuditPage({ params, searchParams }: Params) {
  const { ws } = await params;
  const t = await getT();
  return (
    <Prefetched queries={auditPageQueries(await searchParams, { workspace: ws })}>
      <Suspense fallback={<LoadingState label={t("audit.loading")} />}>
        <AuditLog
          scope={{ workspace: ws }}
          crumbs={[{ label: t("nav.workspaces"), href: "/workspaces" }, { label: ws, href: `/workspaces/${ws}` }]}
          tabs={<ScopeTabs scope={workspaceScope(ws)} />}
        />
      </Suspense>
    </Prefetched>
  );
}
