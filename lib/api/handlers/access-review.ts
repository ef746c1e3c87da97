// ★ Access review: who can do an action here, and through which binding.
import { route } from "../route";
import { accessReviewQuery } from "../../schemas/rbac";
import { accessReview } from "../../rbac/access-review";
import { accessReviewOut } from "../../schemas/responses";
import { resolveScope } from "../../tenancy/scope";
import type { LevelSpec } from "./scoped";

export function accessReviewRoute<P>(spec: LevelSpec<P>) {
  return route(
    {
      action: `${spec.level}.access-review`,
      permission: `${spec.module}-members.view`,
      params: spec.params,
      scope: (p: P) => spec.scope(p),
      query: accessReviewQuery,
      resource: "accessreviews",
      response: accessReviewOut,
    },
    async ({ params, query }) => ({ action: query.action, subjects: await accessReview(await resolveScope(spec.scope(params)), query.action) }),
  );
}
