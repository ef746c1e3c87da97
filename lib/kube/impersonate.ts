// Reading a cluster *as a member*: Tenantry's own credentials plus `Impersonate-User: tenantry:<username>`,
// so the cluster's RBAC (the member's RoleBindings) decides what comes back. client-node 1.4 ignores the
// kubeconfig's `as:` field (kubernetes-client/javascript#2355), hence the header is set here.
import { createConfiguration, ServerConfiguration, type ApiType, type RequestContext } from "@kubernetes/client-node";
import { kubeConfigFor, type ClusterCredentials } from "./client";
import { subjectFor } from "./rbac";

type ApiConstructor<T extends ApiType> = new (config: never) => T;

export function apiAsMember<T extends ApiType>(cluster: ClusterCredentials, username: string, api: ApiConstructor<T>): T {
  const kc = kubeConfigFor(cluster);
  const config = createConfiguration({
    baseServer: new ServerConfiguration(kc.getCurrentCluster()!.server, {}),
    authMethods: {
      default: {
        getName: () => "impersonating",
        applySecurityAuthentication: async (ctx: RequestContext) => {
          await kc.applySecurityAuthentication(ctx);
          ctx.setHeaderParam("Impersonate-User", subjectFor(username));
        },
      },
    },
  });
  return new api(config as never);
}
