import type { Metadata } from "next";
import { ClusterDetail } from "@/components/clusters/cluster-detail";
import { Prefetched } from "@/lib/web/prefetch";
import { clusterNodesQuery, clusterQuery } from "@/lib/client/queries";

type Params = { params: Promise<{ cluster: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: (await params).cluster };
}

export default async function ClusterPage({ params }: Params) {
  const { cluster } = await params;
  return (
    <Prefetched queries={[clusterQuery(cluster), clusterNodesQuery(cluster)]}>
      <ClusterDetail key={cluster} name={cluster} />
    </Prefetched>
  );
}
