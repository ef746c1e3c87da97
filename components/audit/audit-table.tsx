"use client";
import { Fragment, useState } from "react";
import type { AuditEvent } from "@/lib/client/types";
import { formatDateTime } from "@/lib/client/format";
import { DataTable, TBody, Td, Th } from "@/components/ui/data-table";
import { StatusBadge } from "@/components/ui/status-badge";
import { DetailList } from "@/components/ui/card";

const target = (e: AuditEvent) => [e.resource, e.name].filter(Boolean).join("/") || "—";
const tenant = (e: AuditEvent) => [e.workspace, e.project].filter(Boolean).join(" / ") || "—";

function EventDetail({ e }: { e: AuditEvent }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <DetailList
        items={[
          { label: "Audit ID", value: <span className="font-mono text-xs">{e.auditId}</span> },
          { label: "Source", value: e.source },
          { label: "Verb / action", value: `${e.verb} · ${e.action ?? "—"}` },
          { label: "Object", value: [e.apiGroup, e.resource, e.namespace, e.name].filter(Boolean).join(" / ") || "—" },
          { label: "Cluster", value: e.cluster ?? "—" },
          { label: "Response", value: `${e.statusCode ?? "—"} ${e.outcome}${e.reason ? ` — ${e.reason}` : ""}` },
          { label: "Client", value: `${e.sourceIp ?? "—"} · ${e.userAgent ?? "—"}` },
          { label: "Received / completed", value: `${formatDateTime(e.receivedAt)} / ${e.completedAt ? formatDateTime(e.completedAt) : "—"}` },
        ]}
      />
      {e.request ? (
        <pre className="max-h-80 overflow-auto rounded bg-zinc-900 p-3 text-xs text-zinc-100" aria-label="Request and response summary">
          {JSON.stringify(e.request, null, 2)}
        </pre>
      ) : (
        <p className="text-sm text-zinc-500">No request summary recorded.</p>
      )}
    </div>
  );
}

export function AuditTable({ events }: { events: AuditEvent[] }) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (seq: string) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(seq)) n.delete(seq);
      else n.add(seq);
      return n;
    });
  return (
    <DataTable caption="Audit events, newest first">
      <thead>
        <tr>
          <Th>Time</Th>
          <Th>User</Th>
          <Th>Action</Th>
          <Th>Target</Th>
          <Th>Workspace / project</Th>
          <Th>Outcome</Th>
          <Th>Status</Th>
          <Th>Source IP</Th>
          <Th>
            <span className="sr-only">Details</span>
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
              <Td className="font-medium text-zinc-900">{e.username ?? "anonymous"}</Td>
              <Td className="font-mono text-xs">{e.action ?? e.verb}</Td>
              <Td className="font-mono text-xs" title={e.cluster ? `cluster ${e.cluster}` : undefined}>
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
                  aria-label={`Details of ${e.action ?? e.verb} by ${e.username ?? "anonymous"}`}
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
