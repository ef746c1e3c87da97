-- Time-bound memberships: a workspace or project membership, or a group binding, may end at an instant.
-- Authorization ignores an ended one at once, the background leader deletes it and the reconciler removes
-- its RoleBindings. The partial indexes let that step find what is due without a scan.
ALTER TABLE "WorkspaceMember" ADD COLUMN "expiresAt" TIMESTAMPTZ(3);
ALTER TABLE "ProjectMember" ADD COLUMN "expiresAt" TIMESTAMPTZ(3);
ALTER TABLE "GroupBinding" ADD COLUMN "expiresAt" TIMESTAMPTZ(3);

CREATE INDEX "WorkspaceMember_expiresAt_idx" ON "WorkspaceMember" ("expiresAt") WHERE "expiresAt" IS NOT NULL;
CREATE INDEX "ProjectMember_expiresAt_idx" ON "ProjectMember" ("expiresAt") WHERE "expiresAt" IS NOT NULL;
CREATE INDEX "GroupBinding_expiresAt_idx" ON "GroupBinding" ("expiresAt") WHERE "expiresAt" IS NOT NULL;
