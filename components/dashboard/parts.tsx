"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { EmptyState, ErrorState, LoadingState } from "@/components/ui/states";
import { StatusBadge } from "@/components/ui/status-badge";
import type { AuditFilters } from "@/lib/client/audit-filters";
import { useRecentEvents } from "@/lib/client/hooks/dashboard";
import { useFormat } from "@/lib/client/format";
import { useT } from "@/lib/i18n/client";

/** A headline number; `href` makes the whole tile a link. */
export function Stat({ label, value, detail, href }: { label: string; value: ReactNode; detail?: ReactNode; href?: string }) {
  const body = (
    <>
      <dt className="text-sm font-medium text-zinc-500">{label}</dt>
      <dd className="mt-1 text-3xl font-semibold tracking-tight text-zinc-900">{value}</dd>
      {detail && <dd className="mt-1 text-xs text-zinc-500">{detail}</dd>}
    </>
  );
  const tile = "block rounded-lg bg-white px-5 py-4 shadow-sm ring-1 ring-zinc-200";
  return href ? (
    <Link href={href} className={`${tile} hover:ring-indigo-300 focus-visible:outline-2 focus-visible:outline-indigo-600`}>
      <dl>{body}</dl>
    </Link>
  ) : (
    <dl className={tile}>{body}</dl>
  );
}

export function StatGrid({ children }: { children: ReactNode }) {
  return <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">{children}</div>;
}

/** A query's loading / error / empty states in one place, so each panel only renders its data. */
export function Loaded<T>({ query, empty, children }: { query: { isPending: boolean; isError: boolean; error: unknown; data?: T; refetch: () => unknown }; empty?: (data: T) => string | false; children: (data: T) => ReactNode }) {
  const t = useT();
  if (query.isPending) return <LoadingState label={t("common.loading")} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const data = query.data as T;
  const message = empty?.(data);
  return message ? <EmptyState title={message} /> : <>{children(data)}</>;
}

/** The newest events of a scope from the audit log, with a link to the full search. */
export function RecentActivity({ filters, title }: { filters: AuditFilters; title?: string }) {
  const t = useT();
  const { formatDateTime } = useFormat();
  const events = useRecentEvents(filters);
  const search = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]).toString();
  return (
    <Card title={title ?? t("dash.recentActivity")} actions={<Link href={`/audit${search ? `?${search}` : ""}`} className="text-sm text-indigo-700 hover:underline">{t("dash.openAudit")}</Link>}>
      <Loaded query={events} empty={(items) => !items.length && t("dash.noActivity")}>
        {(items) => (
          <ul className="divide-y divide-zinc-100">
            {items.map((e) => (
              <li key={e.seq} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span className="min-w-0">
                  <span className="font-mono text-zinc-900">{e.action ?? `${e.verb} ${e.resource ?? ""}`}</span>
                  <span className="ml-2 text-zinc-500">
                    {e.username ?? "—"}
                    {e.project ? ` · ${e.project}` : e.workspace ? ` · ${e.workspace}` : ""}
                  </span>
                </span>
                <span className="flex items-center gap-2 text-xs text-zinc-500">
                  <StatusBadge status={e.outcome} />
                  <time dateTime={e.receivedAt}>{formatDateTime(e.receivedAt)}</time>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </Card>
  );
}
