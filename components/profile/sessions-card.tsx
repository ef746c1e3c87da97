"use client";
import { useT } from "@/lib/i18n/client";
import { useMySessions, useRevokeSession } from "@/lib/client/hooks/profile";
import { Card } from "@/components/ui/card";
import { SessionsTable } from "@/components/identity/sessions-table";

/** One's own sessions: the one in use is marked, any other can be ended. */
export function SessionsCard() {
  const t = useT();
  const sessions = useMySessions();
  const revoke = useRevokeSession();
  return (
    <Card title={t("profile.sessions")}>
      <SessionsTable sessions={sessions} caption={t("profile.sessionsCaption")} onEnd={(id) => revoke.mutate(id)} ending={revoke.isPending} markCurrent />
    </Card>
  );
}
