"use client";
import { readableUserAgent } from "@/lib/client/user-agent";
import { useState } from "react";
import type { AuditEvent } from "@/lib/client/types";
import { useFormat } from "@/lib/client/format";
import { ListTable, type ListColumn } from "@/components/ui/list-table";
import { useListView } from "@/lib/client/list-view";
import { StatusBadge } from "@/components/ui/status-badge";
import { DetailList } from "@/components/ui/card";
import { useT } from "@/lib/i18n/client";
import { CodeBlock } from "@/components/ui/code-block";

const target = (e: AuditEvent) => [e.resource, e.name].filter(Boolean).join("/") || "—";
const tenant = (e: AuditEvent) => [e.workspace, e.project].filter(Boolean).join(" / ") || "—";

function EventDetail({ e }: { e: AuditEvent }) {
  const t = useT();
  const { formatDateTime } = useFormat();
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <DetailList
        items={[
          { label: t("audit.auditId"), value: <span className="font-mono text-xs">{e.auditId}</span> },
          { label: t("audit.source"), value: e.source },
          { label: t("audit.verbAction"), value: `${e.verb} · ${e.action ?? "—"}` },
          { label: t("audit.object"), value: [e.apiGroup, e.resource, e.namespace, e.name].filter(Boolean).join(" / ") || "—" },
          { label: t("common.cluster"), value: e.cluster ?? "—" },
          { label: t("audit.response"), value: `${e.statusCode ?? "—"} ${e.outcome}${e.reason ? ` — ${e.reason}` : ""}` },
          { label: t("audit.client"), value: <span title={e.userAgent ?? undefined}>{`${e.sourceIp ?? "—"} · ${readableUserAgent(e.userAgent) ?? "—"}`}</span> },
          { label: t("audit.receivedCompleted"), value: `${formatDateTime(e.receivedAt)} / ${e.completedAt ? formatDateTime(e.completedAt) : "—"}` },
        ]}
      />
      {e.request ? (
        <CodeBlock label={t("audit.requestSummary")} className="max-h-80">
          {JSON.stringify(e.request, null, 2)}
        </CodeBlock>
      ) : (
        <p className="text-sm text-zinc-500">{t("audit.noRequest")}</p>
      )}
    </div>
  );
}

const NO_RETRY = () => {};

/** The events of one search, newest first (the search, its filters and paging are the audit log's); a row opens onto its detail. */
export function AuditTable({ events }: { events: AuditEvent[] }) {
  const t = useT();
  const { formatDateTime } = useFormat();
  const view = useListView();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (seq: string) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(seq)) n.delete(seq);
      else n.add(seq);
      return n;
    });
  const columns: ListColumn<AuditEvent>[] = [
    {
      id: "time",
      header: t("audit.time"),
      fixed: true,
      className: "text-xs text-zinc-500",
      cell: (e) => <time dateTime={e.receivedAt}>{formatDateTime(e.receivedAt)}</time>,
    },
    { id: "user", header: t("audit.user"), wrap: true, className: "font-medium text-zinc-900", cell: (e) => e.username ?? t("audit.anonymous") },
    { id: "action", header: t("audit.action"), wrap: true, className: "font-mono text-xs", cell: (e) => e.action ?? e.verb },
    {
      id: "target",
      header: t("audit.target"),
      wrap: true,
      className: "font-mono text-xs",
      cell: (e) => <span title={e.cluster ? t("audit.onCluster", { name: e.cluster }) : undefined}>{target(e)}</span>,
    },
    { id: "tenant", header: t("audit.tenant"), wrap: true, cell: tenant },
    { id: "outcome", header: t("audit.outcome"), cell: (e) => <span title={e.reason ?? undefined}><StatusBadge status={e.outcome} /></span> },
    { id: "status", header: t("common.status"), className: "font-mono text-xs", cell: (e) => e.statusCode ?? "—" },
    { id: "ip", header: t("audit.ip"), className: "font-mono text-xs", cell: (e) => e.sourceIp ?? "—" },
    {
      id: "details",
      header: t("common.details"),
      srOnly: true,
      fixed: true,
      pinned: true,
      cell: (e) => (
        <button
          type="button"
          className="rounded px-1 text-zinc-500 hover:text-zinc-900"
          aria-expanded={open.has(e.seq)}
          aria-label={t("audit.detailsOf", { action: e.action ?? e.verb, user: e.username ?? t("audit.anonymous") })}
          onClick={() => toggle(e.seq)}
        >
          {open.has(e.seq) ? "▾" : "▸"}
        </button>
      ),
    },
  ];
  return (
    <ListTable
      caption={t("audit.caption")}
      columns={columns}
      source={{ rows: events, pending: false, error: null, retry: NO_RETRY }}
      rowKey={(e) => e.seq}
      view={view}
      empty={null}
      expanded={(e) => (open.has(e.seq) ? <EventDetail e={e} /> : null)}
    />
  );
}
