import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { UsersList } from "@/components/users/users-list";
import { Prefetched } from "@/lib/web/prefetch";
import { pagedQuery, rolesQuery, USER_FILTERS, usersList } from "@/lib/client/queries";
import { listParams, type SearchParams } from "@/lib/client/list-params";
import { platformScope } from "@/lib/client/access-scope";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("nav.users") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return (
    <Prefetched queries={[pagedQuery(usersList, listParams(await searchParams, USER_FILTERS)), rolesQuery(platformScope)]}>
      <UsersList />
    </Prefetched>
  );
}
