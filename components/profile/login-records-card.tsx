"use client";
import { useT } from "@/lib/i18n/client";
import { useMyLoginRecords } from "@/lib/client/hooks/profile";
import { Card } from "@/components/ui/card";
import { LoginRecordsTable } from "@/components/identity/login-records-table";

export function LoginRecordsCard() {
  const t = useT();
  const records = useMyLoginRecords();
  return (
    <Card title={t("userAccess.signIns")}>
      <LoginRecordsTable records={records} caption={t("profile.signInsCaption")} />
    </Card>
  );
}
