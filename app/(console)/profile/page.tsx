import type { Metadata } from "next";
import { consoleUser } from "@/lib/web/console-user";
import { ProfilePage } from "@/components/profile/profile-page";
import { getT } from "@/lib/i18n/server";
import { Prefetched } from "@/lib/web/prefetch";
import { LOGIN_FILTERS, myLoginRecordsList, mySessionsQuery, myTokensQuery, pagedQuery } from "@/lib/client/queries";
import { listParams, type SearchParams } from "@/lib/client/list-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("user.profile") };
}

export default async function Profile({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await consoleUser();
  const signins = pagedQuery(myLoginRecordsList, listParams(await searchParams, LOGIN_FILTERS, "signins"));
  return (
    <Prefetched queries={[mySessionsQuery, myTokensQuery, signins]}>
      <ProfilePage username={user.username} hasPassword={!!user.passwordHash} />
    </Prefetched>
  );
}
