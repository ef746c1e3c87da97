"use client";
import { useT } from "@/lib/i18n/client";
import { useMyLoginRecords } from "@/lib/client/hooks/profile";
import { Card } from "@/components/ui/card";
import { LoginRecordsTable } from "@/components/identity/login-records-table";
import { LOGIN_FILTERS } from "@/lib/client/queries";
import { useListView } from "@/lib/client/list-view";

export function LoginRecordsCard() {
  const t = useT();
  const view = useListView(LOGIN_FILTERS, "signins");
  const records = useMyLoginRecords(view.params);
  return (
    <Card title={t("userAccess.signIns")}>
      <LoginRecordsTable records={records} view={view} caption={t("profile.signInsCaption")} />
    </Card>
  );
}
