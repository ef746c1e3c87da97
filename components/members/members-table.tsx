"use client";
import type { Member, Role } from "@/lib/client/types";
import type { ListView } from "@/lib/client/list-view";
import { useFormat } from "@/lib/client/format";
import { Button } from "@/components/ui/button";
import { actionsColumn, ListTable, type ListColumn, type ListSource } from "@/components/ui/list-table";
import { EmptyState } from "@/components/ui/states";
import { RoleOptions } from "./role-options";
import { ExpiryText } from "./expiry-picker";
import { useT } from "@/lib/i18n/client";
import { RoleName } from "@/components/ui/role-name";


interface TableProps {
  caption: string;
  source: ListSource<Member>;
  view: ListView;
  /** The level's roles, to filter by (and, managing, to choose from). */
  roles: Role[];
  /** Present when the caller may manage members: roles become selects and rows get Remove. */
  manage?: {
    /** The guard of every control here (useCan's requires): the walk checks it against the caller's permissions. */
    requires: { "data-requires": string };
    held: Set<string>;
    busy: string | null;
    onRoleChange: (username: string, role: string) => void;
    onExpiry: (member: Member) => void;
    onRemove: (username: string) => void;
  };
}

export function MembersTable({ caption, source, view, roles, manage }: TableProps) {
  const t = useT();
  const { formatDate } = useFormat();
  const columns: ListColumn<Member>[] = [
    {
      id: "username",
      header: t("members.member"),
      sortable: true,
      fixed: true,
      cell: (m) => (
        <>
          <div className="font-medium text-zinc-900">{m.username}</div>
          {m.displayName && <div className="text-xs text-zinc-500">{m.displayName}</div>}
        </>
      ),
    },
    { id: "email", header: t("members.email"), cell: (m) => m.email ?? "—" },
    {
      id: "role",
      header: t("members.role"),
      sortable: true,
      cell: (m) =>
        manage ? (
          <select
            {...manage.requires}
            aria-label={t("members.roleOf", { name: m.username })}
            value={m.role}
            disabled={manage.busy === m.username}
            onChange={(e) => manage.onRoleChange(m.username, e.target.value)}
            className="rounded-md border-0 bg-white py-1.5 pl-2 pr-8 text-sm shadow-sm ring-1 ring-inset ring-zinc-300 focus:ring-2 focus:ring-indigo-600"
          >
            <RoleOptions roles={roles} held={manage.held} />
          </select>
        ) : (
          <RoleName level={roles[0]?.level} name={m.role} />
        ),
    },
    { id: "since", header: t("members.since"), sortable: true, cell: (m) => formatDate(m.since) },
    { id: "expiresAt", header: t("expiry.column"), cell: (m) => <ExpiryText expiresAt={m.expiresAt} /> },
  ];
  if (manage)
    columns.push({
      ...actionsColumn,
      header: t("ui.actions"),
      className: "whitespace-nowrap text-right",
      cell: (m) => (
        <>
          <Button variant="ghost" {...manage.requires} aria-label={t("expiry.changeFor", { name: m.username })} onClick={() => manage.onExpiry(m)}>
            {t("expiry.change")}
          </Button>
          <Button variant="ghost" {...manage.requires} aria-label={t("ui.removeNamed", { name: m.username })} onClick={() => manage.onRemove(m.username)}>
            {t("ui.remove")}
          </Button>
        </>
      ),
    });
  return (
    <ListTable
      caption={caption}
      columns={columns}
      source={source}
      rowKey={(m) => m.username}
      defaultSort="username"
      view={view}
      search={t("members.search")}
      filters={roles.length ? [{ key: "role", label: t("tables.filterRole"), options: roles.map((r) => ({ value: r.name, label: r.name })) }] : []}
      loadingLabel={t("members.loading")}
      empty={<EmptyState title={t("members.empty")} />}
      noMatch={view.q ? t("members.noMatch", { q: view.q }) : undefined}
    />
  );
}
