"use client";
import { useState } from "react";
import { useT } from "@/lib/i18n/client";
import { useFormat } from "@/lib/client/format";
import { useUser } from "@/lib/client/hooks/user-access";
import { Button } from "@/components/ui/button";
import { Card, DetailList } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { StatusBadge } from "@/components/ui/status-badge";
import { useViewer } from "@/components/shell/viewer";
import { UserSessions } from "./user-sessions";
import { UserLoginRecords } from "./user-login-records";
import { UnlockDialog } from "./unlock-dialog";
import { useCan } from "@/lib/client/hooks/can";
import { RoleName } from "@/components/ui/role-name";

/** One user as platform admins see them from the users list: the account, its lock, sessions and sign-ins. */
export function UserDetail({ username }: { username: string }) {
  const t = useT();
  const { formatDateTime } = useFormat();
  const { can } = useViewer();
  const user = useUser(username);
  const [unlocking, setUnlocking] = useState(false);
  const guarded = useCan().requires("users.manage");
  if (user.isPending) return <LoadingState />;
  if (user.isError) return <ErrorState error={user.error} onRetry={() => user.refetch()} />;
  const u = user.data;
  const canManage = can("users.manage");
  const locked = !!u.lockedUntil && new Date(u.lockedUntil) > new Date();

  return (
    <div className="space-y-6">
      <PageHeader
        title={u.username}
        description={u.displayName ?? undefined}
        crumbs={[{ label: t("nav.users"), href: "/users" }]}
        actions={
          canManage &&
          locked && (
            <Button {...guarded} onClick={() => setUnlocking(true)}>
              {t("userAccess.unlock")}
            </Button>
          )
        }
      />
      <Card title={t("userAccess.account")}>
        <DetailList
          items={[
            { label: t("common.status"), value: <StatusBadge status={u.status} /> },
            { label: t("userAccess.lock"), value: locked ? t("userAccess.lockedUntil", { time: formatDateTime(u.lockedUntil) }) : t("userAccess.notLocked") },
            { label: t("userAccess.source"), value: u.source },
            { label: t("userAccess.platformRole"), value: <RoleName level="platform" name={u.platformRole} /> },
            { label: t("userAccess.email"), value: u.email ?? "—" },
            { label: t("userAccess.lastSignIn"), value: formatDateTime(u.lastLoginAt) },
          ]}
        />
      </Card>
      <UnlockDialog username={u.username} open={unlocking} onClose={() => setUnlocking(false)} />
      <UserSessions username={u.username} canManage={canManage} />
      <UserLoginRecords username={u.username} />
    </div>
  );
}
