import { Suspense } from "react";
import type { Metadata } from "next";
import { AuditLog } from "@/components/audit/audit-log";
import { ScopeTabs } from "@/components/members/scope-tabs";
import { LoadingState } from "@/components/ui/states";
import { workspaceScope } from "@/lib/client/access-scope";

type Params = { params: Promise<{ ws: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Audit log · ${(await params).ws}` };
}

// The workspace's own audit log: its console events and the Kubernetes events of its namespaces.
export default async function WorkspaceAuditPage({ params }: Params) {
  const { ws } = await params;
  return (
    <Suspense fallback={<LoadingState label="Loading audit events…" />}>
      <AuditLog
        scope={{ workspace: ws }}
        crumbs={[{ label: "Workspaces", href: "/workspaces" }, { label: ws, href: `/workspaces/${ws}` }]}
        tabs={<ScopeTabs scope={workspaceScope(ws)} />}
      />
    </Suspense>
  );
}
