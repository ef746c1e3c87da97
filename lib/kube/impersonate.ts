// Reading a cluster *as a member*: Tenantry's own credentials plus `Impersonate-User: tenantry:<username>`,
// so the cluster's RBAC (the member's RoleBindings) decides what comes back. A member whose platform role
// sees every workspace is impersonated with the group `tenantry:platform-viewers` too, which the reconciler
// binds to the viewer ClusterRole on every cluster (rbac.ts): the cluster still decides, through a binding
// kubectl shows (`kubectl --as tenantry:<username> --as-group tenantry:platform-viewers` tells the same story).
// client-node 1.4 ignores the kubeconfig's `as:` field (kubernetes-client/javascript#2355), hence the headers.
import { createConfiguration, ServerConfiguration, type ApiType, type RequestContext } from "@kubernetes/client-node";
import { coversEveryWorkspace, type Principal } from "../rbac/authorize";
import { kubeConfigFor, type ClusterCredentials } from "./client";
import { PLATFORM_VIEWERS_GROUP, subjectFor } from "./rbac";

type ApiConstructor<T extends ApiType> = new (config: never) => T;

/** Who the cluster is asked as. */
export interface ClusterIdentity {
  user: string;
  groups: string[];
}

/** The identity a member reads their projects' namespaces with. */
export function clusterIdentity(principal: Pick<Principal, "username" | "active" | "platform">): ClusterIdentity {
  const viewsEverything = coversEveryWorkspace(principal as Principal, "workloads.view");
  return { user: subjectFor(principal.username), groups: viewsEverything ? [PLATFORM_VIEWERS_GROUP] : [] };
}

export function apiAs<T extends ApiType>(cluster: ClusterCredentials, identity: ClusterIdentity, api: ApiConstructor<T>): T {
  const kc = kubeConfigFor(cluster);
  const config = createConfiguration({
    baseServer: new ServerConfiguration(kc.getCurrentCluster()!.server, {}),
    authMethods: {
      default: {
        getName: () => "impersonating",
        applySecurityAuthentication: async (ctx: RequestContext) => {
          await kc.applySecurityAuthentication(ctx);
          ctx.setHeaderParam("Impersonate-User", identity.user);
          // kube-apiserver reads one group per Impersonate-Group header, and the API client holds one value
          // per header name: one group is what this can say (clusterIdentity() never gives more).
          if (identity.groups.length > 1) throw new Error("impersonating more than one group is not supported");
          if (identity.groups.length) ctx.setHeaderParam("Impersonate-Group", identity.groups[0]!);
        },
      },
    },
  });
  return new api(config as never);
}
