"use client";
import { useT } from "@/lib/i18n/client";
import { useUserLoginRecords } from "@/lib/client/hooks/user-access";
import { Card } from "@/components/ui/card";
import { LoginRecordsTable } from "@/components/identity/login-records-table";

/** A user's sign-in attempts, newest first, through every provider. */
export function UserLoginRecords({ username }: { username: string }) {
  const t = useT();
  const records = useUserLoginRecords(username);
  return (
    <Card title={t("userAccess.signIns")}>
      <LoginRecordsTable records={records} caption={t("userAccess.signInsOf", { name: username })} />
    </Card>
  );
}
