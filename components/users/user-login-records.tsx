"use client";
import { useT } from "@/lib/i18n/client";
import { useUserLoginRecords } from "@/lib/client/hooks/user-access";
import { Card } from "@/components/ui/card";
import { LoginRecordsTable } from "@/components/identity/login-records-table";
import { LOGIN_FILTERS } from "@/lib/client/queries";
import { useListView } from "@/lib/client/list-view";

/** A user's sign-in attempts, newest first, through every provider. */
export function UserLoginRecords({ username }: { username: string }) {
  const t = useT();
  const view = useListView(LOGIN_FILTERS, "signins");
  const records = useUserLoginRecords(username, view.params);
  return (
    <Card title={t("userAccess.signIns")}>
      <LoginRecordsTable records={records} view={view} caption={t("userAccess.signInsOf", { name: username })} />
    </Card>
  );
}
