// A cheap fingerprint of what a refused request must not change: the database tables that hold tenancy and
// identity (one md5 per table) and the cluster simulator's resourceVersion.
import { db } from "@/lib/db/client";
import type { Simulator } from "@/sim/index";

// Audit events, sign-in records, sessions and rate limits legitimately change on a denial; a token's
// lastUsedAt moves whenever it is used.
const WATCHED: Record<string, string[]> = {
  User: [], Cluster: [], Workspace: [], WorkspaceCluster: [], Project: [], WorkspaceMember: [], ProjectMember: [], CustomRole: [],
  WorkspaceQuota: [], ApiToken: ["lastUsedAt"], IdentityProvider: [], GroupBinding: [], BindingGrant: [],
};
const SQL = `SELECT ${Object.entries(WATCHED)
  .map(([t, skip]) => `(SELECT md5(coalesce(string_agg(x, '|' ORDER BY x), '')) FROM (SELECT (to_jsonb(t)${skip.map((c) => ` - '${c}'`).join("")})::text AS x FROM "${t}" t) s) AS "${t}"`)
  .join(", ")}`;

export interface State {
  db: Record<string, string>;
  cluster: string;
}

export async function stateOf(sim: Simulator): Promise<State> {
  const [row] = await db().$queryRawUnsafe<Record<string, string>[]>(SQL);
  return { db: row!, cluster: sim.revision() };
}
