import type { Metadata } from "next";
import { UserDetail } from "@/components/users/user-detail";
import { Prefetched } from "@/lib/web/prefetch";
import { LOGIN_FILTERS, pagedQuery, userLoginRecordsList, userQuery, userSessionsQuery } from "@/lib/client/queries";
import { listParams, type SearchParams } from "@/lib/client/list-params";

type Params = { params: Promise<{ username: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: (await params).username };
}

export default async function UserPage({ params, searchParams }: Params) {
  const { username } = await params;
  const signins = pagedQuery(userLoginRecordsList(username), listParams(await searchParams, LOGIN_FILTERS, "signins"));
  return (
    <Prefetched queries={[userQuery(username), userSessionsQuery(username), signins]}>
      <UserDetail key={username} username={username} />
    </Prefetched>
  );
}
