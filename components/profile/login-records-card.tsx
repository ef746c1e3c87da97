"use client";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { DataTable, TBody, Td, Th } from "@/components/ui/data-table";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { formatDateTime } from "@/lib/client/format";
import { useMyLoginRecords } from "@/lib/client/hooks/profile";

export function LoginRecordsCard() {
  const records = useMyLoginRecords();
  const items = records.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card title="Sign-in history">
      {records.isPending ? (
        <LoadingState />
      ) : records.isError ? (
        <ErrorState error={records.error} />
      ) : (
        <>
          <DataTable caption="Your sign-in attempts, newest first">
            <thead>
              <tr>
                <Th>Time</Th>
                <Th>Provider</Th>
                <Th>Outcome</Th>
                <Th>From</Th>
              </tr>
            </thead>
            <TBody>
              {items.map((r) => (
                <tr key={r.id}>
                  <Td>{formatDateTime(r.createdAt)}</Td>
                  <Td>{r.provider}</Td>
                  <Td className={r.outcome === "success" ? "text-emerald-700" : "text-red-700"}>{r.outcome === "success" ? "Signed in" : `Failed: ${r.reason}`}</Td>
                  <Td>
                    <div>{r.sourceIp ?? "—"}</div>
                    <div className="max-w-xs truncate text-xs text-zinc-500">{r.userAgent}</div>
                  </Td>
                </tr>
              ))}
            </TBody>
          </DataTable>
          {records.hasNextPage && (
            <Button variant="secondary" className="mt-3" onClick={() => records.fetchNextPage()}>
              Load more
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
