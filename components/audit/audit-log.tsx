"use client";
import { useState, type ReactNode } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { exportUrl, useAuditEvents, useAuditHistogram } from "@/lib/client/hooks/audit";
import { auditFiltersFrom, type AuditFilters } from "@/lib/client/audit-filters";
import { Button } from "@/components/ui/button";
import { PageHeader, type Crumb } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { AuditFilterForm } from "./audit-filters";
import { AuditHistogram } from "./audit-histogram";
import { zoomedRange } from "./histogram-series";
import { AuditTable } from "./audit-table";
import { useT } from "@/lib/i18n/client";

/**
 * The audit search, at platform level or fixed to a workspace / project (`scope`). The URL holds the
 * filters, so a search can be shared; the API narrows everything to the scopes the caller may audit.
 */
export function AuditLog({
  scope = {},
  title,
  crumbs,
  tabs,
}: {
  scope?: { workspace?: string; project?: string };
  title?: string;
  crumbs?: Crumb[];
  /** The workspace's or project's section tabs, under the header. */
  tabs?: ReactNode;
}) {
  const t = useT();
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const fromUrl = auditFiltersFrom((key) => params.get(key));
  const filters: AuditFilters = { ...fromUrl, ...scope };
  const [live, setLive] = useState(false);
  const events = useAuditEvents(filters, live);
  const histogram = useAuditHistogram(filters, live);
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Object.keys(fromUrl).length > 0;

  function apply(next: AuditFilters) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v && !(k in scope)) qs.set(k, String(v));
    router.replace(qs.size ? `${pathname}?${qs}` : pathname, { scroll: false });
  }

  // Dragging on the histogram sets a custom from/to; the time filter from before the first drag comes back with "Reset zoom".
  const [beforeZoom, setBeforeZoom] = useState<Pick<AuditFilters, "range" | "from" | "to"> | null>(null);
  const { range, from, to, ...untimed } = filters;
  function zoom(fromMs: number, toMs: number) {
    if (!beforeZoom) setBeforeZoom({ range, from, to });
    apply({ ...untimed, ...zoomedRange(fromMs, toMs) });
  }
  function resetZoom() {
    setBeforeZoom(null);
    apply({ ...untimed, ...beforeZoom });
  }

  return (
    <>
      <PageHeader
        title={title ?? t("nav.audit")}
        crumbs={crumbs}
        description={t("audit.description")}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <label className="flex items-center gap-2 text-sm text-zinc-700">
              <input type="checkbox" data-control="paging" checked={live} onChange={(e) => setLive(e.target.checked)} className="rounded border-zinc-300" />
              {t("audit.liveTail")}
            </label>
            <a className="rounded-md px-3 py-2 text-sm font-medium text-indigo-700 ring-1 ring-zinc-300 hover:bg-zinc-50" href={exportUrl(filters, "csv")} download>
              {t("audit.exportCsv")}
            </a>
            <a className="rounded-md px-3 py-2 text-sm font-medium text-indigo-700 ring-1 ring-zinc-300 hover:bg-zinc-50" href={exportUrl(filters, "ndjson")} download>
              {t("audit.exportNdjson")}
            </a>
            <Button variant="secondary" data-control="paging" onClick={() => Promise.all([events.refetch(), histogram.refetch()])} disabled={events.isFetching}>
              {events.isFetching && !events.isFetchingNextPage ? t("audit.refreshing") : t("audit.refresh")}
            </Button>
          </div>
        }
      />
      {tabs}
      {/* Keyed by the filters so the uncontrolled inputs start over when they change (Clear, back button). */}
      <AuditFilterForm
        key={params.toString()}
        value={filters}
        fixed={scope}
        onApply={(next) => {
          setBeforeZoom(null);
          apply(next);
        }}
      />
      {/* Drawn empty while its counts load, so the table under it keeps its place; left out if they cannot be read. */}
      {!histogram.isError && <AuditHistogram data={histogram.data} onZoom={zoom} onReset={beforeZoom ? resetZoom : undefined} />}
      {events.isPending ? (
        <LoadingState label={t("audit.loading")} />
      ) : events.isError ? (
        <ErrorState error={events.error} onRetry={() => events.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={filtered ? t("audit.noMatch") : t("audit.empty")} />
      ) : (
        <>
          <AuditTable events={items} />
          <div className="mt-4 flex items-center justify-between gap-4 text-sm text-zinc-500">
            <span>
              {items.length === 1 ? t("audit.showingOne") : t("audit.showing", { count: items.length })}
              {live ? t("audit.live") : ""}
            </span>
            {events.hasNextPage && (
              <Button variant="secondary" data-control="paging" onClick={() => events.fetchNextPage()} disabled={events.isFetchingNextPage}>
                {events.isFetchingNextPage ? t("common.loading") : t("common.loadMore")}
              </Button>
            )}
          </div>
        </>
      )}
    </>
  );
}

