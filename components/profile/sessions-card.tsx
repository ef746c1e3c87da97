"use client";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { DataTable, TBody, Td, Th } from "@/components/ui/data-table";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { formatDateTime } from "@/lib/client/format";
import { useMySessions, useRevokeSession } from "@/lib/client/hooks/profile";

export function SessionsCard() {
  const sessions = useMySessions();
  const revoke = useRevokeSession();
  return (
    <Card title="Sessions">
      {sessions.isPending ? (
        <LoadingState />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => sessions.refetch()} />
      ) : (
        <DataTable caption="Your signed-in sessions">
          <thead>
            <tr>
              <Th>Signed in</Th>
              <Th>Via</Th>
              <Th>From</Th>
              <Th>Last active</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </thead>
          <TBody>
            {sessions.data.items.map((s) => (
              <tr key={s.id}>
                <Td>{formatDateTime(s.createdAt)}</Td>
                <Td>{s.provider}</Td>
                <Td>
                  <div>{s.sourceIp ?? "—"}</div>
                  <div className="max-w-xs truncate text-xs text-zinc-500">{s.userAgent}</div>
                </Td>
                <Td>{formatDateTime(s.lastSeenAt)}</Td>
                <Td className="text-right">
                  {s.current ? (
                    <span className="text-xs text-zinc-500">This session</span>
                  ) : (
                    <Button variant="ghost" className="px-2 text-red-700" disabled={revoke.isPending} onClick={() => revoke.mutate(s.id)}>
                      End session
                    </Button>
                  )}
                </Td>
              </tr>
            ))}
          </TBody>
        </DataTable>
      )}
    </Card>
  );
}
