-- The lists' sorts page by keyset over (sort field, unique name): each is one index range scan.
CREATE INDEX "User_createdAt_username_idx" ON "User"("createdAt", "username");

CREATE INDEX "User_platformRole_username_idx" ON "User"("platformRole", "username");

CREATE INDEX "Workspace_createdAt_name_idx" ON "Workspace"("createdAt", "name");

CREATE INDEX "Project_workspaceId_createdAt_name_idx" ON "Project"("workspaceId", "createdAt", "name");
