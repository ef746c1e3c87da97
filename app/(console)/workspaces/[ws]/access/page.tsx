import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { AccessReviewPanel } from "@/components/members/access-review-panel";

type Props = { params: Promise<{ ws: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const single = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getT();
  return { title: `${t("tabs.access")} · ${(await params).ws}` };
}

/** ?project= reviews one of the workspace's projects, ?action= preselects the permission. */
export default async function AccessReviewPage({ params, searchParams }: Props) {
  const { ws } = await params;
  const query = await searchParams;
  return <AccessReviewPanel key={ws} workspace={ws} initialProject={single(query.project)} initialAction={single(query.action)} />;
}
