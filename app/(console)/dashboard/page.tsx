import type { Metadata } from "next";
import { principalFor } from "@/lib/auth/session";
import { consoleUser } from "@/lib/web/console-user";
import { authorize } from "@/lib/rbac/authorize";
import { getT } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { MemberDashboard } from "@/components/dashboard/member-dashboard";
import { PlatformDashboard } from "@/components/dashboard/platform-dashboard";
import { Prefetched } from "@/lib/web/prefetch";
import { auditHistogramQuery, DENIED_LAST_WEEK, platformDashboardQuery, recentEventsQuery } from "@/lib/client/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("nav.dashboard") };
}

// Platform viewers get the platform's numbers; everyone else their own tenants'.
export default async function DashboardPage() {
  const t = await getT();
  const user = await consoleUser();
  const platform = authorize(await principalFor(user), "workspaces.view").allowed;
  return (
    <>
      <PageHeader title={t(platform ? "dash.platformTitle" : "dash.memberTitle")} description={t(platform ? "dash.platformLead" : "dash.memberLead", { name: user.displayName || user.username })} />
      {platform ? (
        <Prefetched queries={[platformDashboardQuery, auditHistogramQuery(DENIED_LAST_WEEK), recentEventsQuery({})]}>
          <PlatformDashboard />
        </Prefetched>
      ) : (
        <MemberDashboard />
      )}
    </>
  );
}
