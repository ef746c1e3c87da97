import type { Metadata } from "next";
import { ClusterDetail } from "@/components/clusters/cluster-detail";

type Params = { params: Promise<{ cluster: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: (await params).cluster };
}

export default async function ClusterPage({ params }: Params) {
  const { cluster } = await params;
  return <ClusterDetail key={cluster} name={cluster} />;
}
