// Routes that exist at several levels (roles at platform/workspace/project, members at workspace/project)
// share their handlers; these describe each level's path parameters, scope and permission names.
import { z } from "zod";
import { dnsLabel } from "../../schemas/common";
import type { Scope } from "../../rbac/authorize";
import type { Level } from "../../rbac/catalogue";

export interface LevelSpec<P> {
  level: Level;
  params: z.ZodType<P>;
  scope: (p: P) => Scope;
  /** Module prefix of the level's permissions, e.g. "workspace" → "workspace-roles.view". */
  module: string;
}

type WsParams = { ws: string };
type ProjectParams = { ws: string; project: string };

export const platformLevel: LevelSpec<Record<string, never>> = {
  level: "platform",
  params: z.object({}) as unknown as z.ZodType<Record<string, never>>,
  scope: () => ({}),
  module: "platform",
};
export const workspaceLevel: LevelSpec<WsParams> = {
  level: "workspace",
  params: z.object({ ws: dnsLabel }),
  scope: (p) => ({ workspace: p.ws }),
  module: "workspace",
};
export const projectLevel: LevelSpec<ProjectParams> = {
  level: "project",
  params: z.object({ ws: dnsLabel, project: dnsLabel }),
  scope: (p) => ({ workspace: p.ws, project: p.project }),
  module: "project",
};

/** The level's params plus one more path segment. */
export function withName<P, K extends string>(spec: LevelSpec<P>, key: K, schema: z.ZodType<string>) {
  return (spec.params as unknown as z.ZodObject).extend({ [key]: schema }) as unknown as z.ZodType<P & Record<K, string>>;
}
