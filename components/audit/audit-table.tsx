"use client";
import { readableUserAgent } from "@/lib/client/user-agent";
import { Fragment, useState } from "react";
import type { AuditEvent } from "@/lib/client/types";
import { formatDateTime } from "@/lib/client/format";
import { DataTable, TBody, Td, Th } from "@/components/ui/data-table";
import { StatusBadge } from "@/components/ui/status-badge";
import { DetailList } from "@/components/ui/card";
import { useT } from "@/lib/i18n/client";

const target = (e: AuditEvent) => [e.resource, e.name].filter(Boolean).join("/") || "—";
const tenant = (e: AuditEvent) => [e.workspace, e.project].filter(Boolean).join(" / ") || "—";

function EventDetail({ e }: { e: AuditEvent }) {
  const t = useT();
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
        <pre className="max-h-80 overflow-auto rounded bg-zinc-900 p-3 text-xs text-zinc-100" aria-label={t("audit.requestSummary")}>
          {JSON.stringify(e.request, null, 2)}
        </pre>
      ) : (
        <p className="text-sm text-zinc-500">{t("audit.noRequest")}</p>
      )}
    </div>
  );
}

export function AuditTable({ events }: { events: AuditEvent[] }) {
  const t = useT();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (seq: string) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(seq)) n.delete(seq);
      else n.add(seq);
      return n;
    });
  return (
    <DataTable caption={t("audit.caption")}>
      <thead>
        <tr>
          <Th>{t("audit.time")}</Th>
          <Th>{t("audit.user")}</Th>
          <Th>{t("audit.action")}</Th>
          <Th>{t("audit.target")}</Th>
          <Th>{t("audit.tenant")}</Th>
          <Th>{t("audit.outcome")}</Th>
          <Th>{t("common.status")}</Th>
          <Th>{t("audit.ip")}</Th>
          <Th>
            <span className="sr-only">{t("common.details")}</span>
          </Th>
        </tr>
      </thead>
      <TBody>
        {events.map((e) => (
          <Fragment key={e.seq}>
            <tr className="hover:bg-zinc-50">
              <Td className="text-xs text-zinc-500">
                <time dateTime={e.receivedAt}>{formatDateTime(e.receivedAt)}</time>
              </Td>
              <Td className="font-medium text-zinc-900">{e.username ?? t("audit.anonymous")}</Td>
              <Td className="font-mono text-xs">{e.action ?? e.verb}</Td>
              <Td className="font-mono text-xs" title={e.cluster ? t("audit.onCluster", { name: e.cluster }) : undefined}>
                {target(e)}
              </Td>
              <Td>{tenant(e)}</Td>
              <Td title={e.reason ?? undefined}>
                <StatusBadge status={e.outcome} />
              </Td>
              <Td className="font-mono text-xs">{e.statusCode ?? "—"}</Td>
              <Td className="font-mono text-xs">{e.sourceIp ?? "—"}</Td>
              <Td>
                <button
                  type="button"
                  className="rounded px-1 text-zinc-500 hover:text-zinc-900"
                  aria-expanded={open.has(e.seq)}
                  aria-label={t("audit.detailsOf", { action: e.action ?? e.verb, user: e.username ?? t("audit.anonymous") })}
                  onClick={() => toggle(e.seq)}
                >
                  {open.has(e.seq) ? "▾" : "▸"}
                </button>
              </Td>
            </tr>
            {open.has(e.seq) && (
              <tr>
                <td colSpan={9} className="bg-zinc-50 px-4 py-3">
                  <EventDetail e={e} />
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </TBody>
    </DataTable>
  );
}
