"use client";
import { useState } from "react";
import { useAuditEvents, type AuditFilters } from "@/lib/client/hooks/audit";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { AuditFilterForm } from "./audit-filters";
import { AuditTable } from "./audit-table";

export function AuditLog() {
  const [filters, setFilters] = useState<AuditFilters>({});
  const events = useAuditEvents(filters);
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Object.values(filters).some(Boolean);

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who did what, where, and with what outcome — newest first. You see the events of the scopes you may audit."
        actions={
          <Button variant="secondary" onClick={() => events.refetch()} disabled={events.isFetching}>
            {events.isFetching && !events.isFetchingNextPage ? "Refreshing…" : "Refresh"}
          </Button>
        }
      />
      {/* Keyed by the filters so the uncontrolled inputs start over when they change (Clear). */}
      <AuditFilterForm key={JSON.stringify(filters)} value={filters} onApply={setFilters} />
      {events.isPending ? (
        <LoadingState label="Loading audit events…" />
      ) : events.isError ? (
        <ErrorState error={events.error} onRetry={() => events.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={filtered ? "No events match these filters." : "No audit events yet."} />
      ) : (
        <>
          <AuditTable events={items} />
          <div className="mt-4 flex items-center justify-between gap-4 text-sm text-zinc-500">
            <span>
              Showing {items.length} event{items.length === 1 ? "" : "s"}
            </span>
            {events.hasNextPage && (
              <Button variant="secondary" onClick={() => events.fetchNextPage()} disabled={events.isFetchingNextPage}>
                {events.isFetchingNextPage ? "Loading…" : "Load more"}
              </Button>
            )}
          </div>
        </>
      )}
    </>
  );
}
