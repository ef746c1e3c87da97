import { route } from "@/lib/api/route";
import { recordsQuery } from "@/lib/schemas/identity";
import { listLoginRecords } from "@/lib/identity/login-records";
import { loginRecordOut, pageOf } from "@/lib/schemas/responses";

export const GET = route({ action: "me.login-records", permission: "authenticated", resource: "loginrecords", query: recordsQuery, response: pageOf(loginRecordOut) }, async ({ user, query, locale }) =>
  listLoginRecords(user.id, query, locale),
);

export * from "@/lib/api/unanswered";
