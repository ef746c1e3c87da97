import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { ClusterList } from "@/components/clusters/cluster-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("nav.clusters") };
}

export default function ClustersPage() {
  return <ClusterList />;
}
