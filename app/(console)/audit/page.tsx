import { Suspense } from "react";
import type { Metadata } from "next";
import { AuditLog } from "@/components/audit/audit-log";
import { LoadingState } from "@/components/ui/states";

export const metadata: Metadata = { title: "Audit log" };

// The filters live in the URL (?user=…&workspace=…&range=24h), so a search can be shared.
export default function AuditPage() {
  return (
    <Suspense fallback={<LoadingState label="Loading audit events…" />}>
      <AuditLog />
    </Suspense>
  );
}
