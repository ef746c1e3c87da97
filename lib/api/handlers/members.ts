// /members and /members/{username} for workspaces and projects.
import { route } from "../route";
import { memberBody, memberPatch, username } from "../../schemas/rbac";
import { inviteeOut, inviteeQuery, memberListQuery } from "../../schemas/lists";
import { listInvitees } from "../../tenancy/invitees";
import { addMember, changeMember, getMember, listMembers, removeMember } from "../../tenancy/members";
import { resolveScope } from "../../tenancy/scope";
import { withName, type LevelSpec } from "./scoped";
import { memberOut, pageOf } from "../../schemas/responses";

export function memberCollection<P>(spec: LevelSpec<P>) {
  const base = { params: spec.params, scope: (p: P) => spec.scope(p), resource: "members" };
  return {
    GET: route({ ...base, action: `${spec.level}-member.list`, permission: `${spec.module}-members.view`, query: memberListQuery, response: pageOf(memberOut) }, async ({ params, query }) =>
      listMembers({ scope: spec.scope(params) }, query),
    ),
    POST: route(
      { ...base, action: `${spec.level}-member.create`, permission: `${spec.module}-members.manage`, body: memberBody, status: 201, response: memberOut, target: (_p, b) => ({ name: b.username }) },
      async ({ params, body, principal }) => addMember(await resolveScope(spec.scope(params)), principal, body),
    ),
  };
}

/** /invitees: the users the caller may add here, for the invite form's picker; asks what adding a member asks. */
export function inviteeCollection<P>(spec: LevelSpec<P>) {
  return {
    GET: route(
      { params: spec.params, scope: (p: P) => spec.scope(p), resource: "members", action: `${spec.level}-member.invitees`, permission: `${spec.module}-members.manage`, query: inviteeQuery, response: pageOf(inviteeOut) },
      async ({ params, query }) => listInvitees({ scope: spec.scope(params) }, query),
    ),
  };
}

export function memberItem<P>(spec: LevelSpec<P>) {
  const params = withName(spec, "username", username);
  const base = { params, scope: (p: P) => spec.scope(p), resource: "members", target: (p: { username: string }) => ({ name: p.username }) };
  return {
    GET: route({ ...base, action: `${spec.level}-member.get`, permission: `${spec.module}-members.view`, response: memberOut }, async ({ params }) =>
      getMember(await resolveScope(spec.scope(params)), params.username),
    ),
    PATCH: route({ ...base, action: `${spec.level}-member.update`, permission: `${spec.module}-members.manage`, body: memberPatch, response: memberOut }, async ({ params, body, principal }) =>
      changeMember(await resolveScope(spec.scope(params)), principal, params.username, body),
    ),
    DELETE: route({ ...base, action: `${spec.level}-member.delete`, permission: `${spec.module}-members.manage`, status: 204 }, async ({ params, principal }) => {
      await removeMember(await resolveScope(spec.scope(params)), principal, params.username);
    }),
  };
}
