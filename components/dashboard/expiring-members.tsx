"use client";
import { Card } from "@/components/ui/card";
import { ExpiryText } from "@/components/members/expiry-picker";
import { useExpiringMembers } from "@/lib/client/hooks/members";
import { useT } from "@/lib/i18n/client";
import { Loaded } from "./parts";
import { useWords } from "@/lib/i18n/use-words";

/** The workspace's memberships that end by themselves, soonest first; those within the warning time marked. */
export function ExpiringMembers({ workspace }: { workspace: string }) {
  const t = useT();
  const words = useWords();
  const expiring = useExpiringMembers(workspace);
  return (
    <Card title={t("expiry.expiringTitle")}>
      <Loaded query={expiring} empty={(d) => !d.items.length && t("expiry.noneExpiring")}>
        {(d) => (
          <ul className="space-y-1.5 text-sm" aria-label={t("expiry.expiringTitle")}>
            {d.items.map((m) => (
              <li key={`${m.username}/${m.project ?? ""}`} className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  <span className="font-medium text-zinc-900">{m.username}</span>{" "}
                  <span className="text-zinc-500">
                    {m.project ? t("expiry.inProject", { project: m.project, role: words.role("project", m.role) }) : words.role("workspace", m.role)}
                  </span>
                </span>
                <span className={m.endsSoon ? "font-medium text-amber-700" : "text-zinc-600"}>
                  <ExpiryText expiresAt={m.expiresAt} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </Card>
  );
}
