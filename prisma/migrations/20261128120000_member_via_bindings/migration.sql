-- Workspace memberships added only so group-bound users can reach bound projects (lib/identity), removed
-- when no binding needs them any more.
ALTER TABLE "WorkspaceMember" ADD COLUMN     "viaBindings" BOOLEAN NOT NULL DEFAULT false;
