import { route } from "@/lib/api/route";
import { dashboardOut } from "@/lib/schemas/responses";
import { authorize } from "@/lib/rbac/authorize";
import { listClusters } from "@/lib/tenancy/clusters";
import { clusterQuotas, platformCounts } from "./summary";

// The platform dashboard: only for those who see every workspace. Clusters and their quota need clusters.view too.
export const GET = route({ action: "dashboard.get", permission: "workspaces.view", resource: "dashboard", response: dashboardOut }, async ({ principal }) => {
  const seesClusters = authorize(principal, "clusters.view").allowed;
  const [counts, clusters, quotas] = await Promise.all([platformCounts(), seesClusters ? listClusters() : [], seesClusters ? clusterQuotas() : []]);
  return { ...counts, users: authorize(principal, "users.view").allowed ? counts.users : null, clusters, quotas };
});

export * from "@/lib/api/unanswered";
