"use client";
import type { Member, Role } from "@/lib/client/types";
import { formatDate } from "@/lib/client/format";
import { Button } from "@/components/ui/button";
import { ActionsTh, DataTable, TBody, Td, Th } from "@/components/ui/data-table";
import { RoleOptions } from "./role-options";
import { ExpiryText } from "./expiry-picker";
import { useT } from "@/lib/i18n/client";

interface TableProps {
  caption: string;
  members: Member[];
  /** Present when the caller may manage members: roles become selects and rows get Remove. */
  manage?: {
    roles: Role[];
    held: Set<string>;
    busy: string | null;
    onRoleChange: (username: string, role: string) => void;
    onExpiry: (member: Member) => void;
    onRemove: (username: string) => void;
  };
}

export function MembersTable({ caption, members, manage }: TableProps) {
  const t = useT();
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <Th>{t("members.member")}</Th>
          <Th>{t("members.email")}</Th>
          <Th>{t("members.role")}</Th>
          <Th>{t("members.since")}</Th>
          <Th>{t("expiry.column")}</Th>
          {manage && <ActionsTh />}
        </tr>
      </thead>
      <TBody>
        {members.map((m) => (
          <tr key={m.username} className="hover:bg-zinc-50">
            <Td>
              <div className="font-medium text-zinc-900">{m.username}</div>
              {m.displayName && <div className="text-xs text-zinc-500">{m.displayName}</div>}
            </Td>
            <Td>{m.email ?? "—"}</Td>
            <Td>
              {manage ? (
                <select
                  aria-label={t("members.roleOf", { name: m.username })}
                  value={m.role}
                  disabled={manage.busy === m.username}
                  onChange={(e) => manage.onRoleChange(m.username, e.target.value)}
                  className="rounded-md border-0 bg-white py-1.5 pl-2 pr-8 text-sm shadow-sm ring-1 ring-inset ring-zinc-300 focus:ring-2 focus:ring-indigo-600"
                >
                  <RoleOptions roles={manage.roles} held={manage.held} />
                </select>
              ) : (
                m.role
              )}
            </Td>
            <Td>{formatDate(m.since)}</Td>
            <Td>
              <ExpiryText expiresAt={m.expiresAt} />
            </Td>
            {manage && (
              <Td className="whitespace-nowrap text-right">
                <Button variant="ghost" aria-label={t("expiry.changeFor", { name: m.username })} onClick={() => manage.onExpiry(m)}>
                  {t("expiry.change")}
                </Button>
                <Button variant="ghost" aria-label={t("ui.removeNamed", { name: m.username })} onClick={() => manage.onRemove(m.username)}>
                  {t("ui.remove")}
                </Button>
              </Td>
            )}
          </tr>
        ))}
      </TBody>
    </DataTable>
  );
}
