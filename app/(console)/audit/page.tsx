import { Suspense } from "react";
import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { AuditLog } from "@/components/audit/audit-log";
import { Prefetched } from "@/lib/web/prefetch";
import { auditPageQueries } from "@/lib/client/queries";
import type { SearchParams } from "@/lib/client/list-params";
import { LoadingState } from "@/components/ui/states";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("nav.audit") };
}

// The filters live in the URL (?user=…&workspace=…&range=24h), so a search can be shared.
export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const t = await getT();
  return (
    <Prefetched queries={auditPageQueries(await searchParams)}>
      <Suspense fallback={<LoadingState label={t("audit.loading")} />}>
        <AuditLog />
      </Suspense>
    </Prefetched>
  );
}
