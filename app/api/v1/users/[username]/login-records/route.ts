import { route } from "@/lib/api/route";
import { loginRecordOut, pageOf } from "@/lib/schemas/responses";
import { userParams } from "@/lib/schemas/rbac";
import { recordsQuery } from "@/lib/schemas/identity";
import { listLoginRecords } from "@/lib/identity/login-records";
import { userIdOf } from "@/lib/identity/lookup";

export const GET = route(
  { action: "user.login-records", permission: "users.view", resource: "loginrecords", params: userParams, query: recordsQuery, response: pageOf(loginRecordOut), target: (p) => ({ name: p.username }) },
  async ({ params, query, locale }) => listLoginRecords(await userIdOf(params.username), query, locale),
);

export * from "@/lib/api/unanswered";
