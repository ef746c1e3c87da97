import type { AuditEvent } from "@/lib/client/types";
import { formatDateTime } from "@/lib/client/format";
import { DataTable, TBody, Td, Th } from "@/components/ui/data-table";
import { StatusBadge } from "@/components/ui/status-badge";

const target = (e: AuditEvent) => [e.resource, e.name].filter(Boolean).join("/") || "—";
const tenant = (e: AuditEvent) => [e.workspace, e.project].filter(Boolean).join(" / ") || "—";

export function AuditTable({ events }: { events: AuditEvent[] }) {
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
        </tr>
      </thead>
      <TBody>
        {events.map((e) => (
          <tr key={e.seq} className="hover:bg-zinc-50">
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
          </tr>
        ))}
      </TBody>
    </DataTable>
  );
}
