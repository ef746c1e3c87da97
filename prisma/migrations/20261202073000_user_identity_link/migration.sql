-- The explicit link between a user and the identity provider allowed to sign them in (lib/identity/external.ts),
-- set when the provider created the user or an admin linked them. The subject the provider names them by
-- (OIDC sub, LDAP DN) is pinned at the first sign-in. A deleted provider leaves its users unlinked, so a new
-- provider of the same name does not inherit them.
ALTER TABLE "User" ADD COLUMN "identityProviderId" UUID;
ALTER TABLE "User" ADD COLUMN "externalId" TEXT;
ALTER TABLE "User" ADD CONSTRAINT "User_identityProviderId_fkey" FOREIGN KEY ("identityProviderId") REFERENCES "IdentityProvider"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE UNIQUE INDEX "User_identityProviderId_externalId_key" ON "User"("identityProviderId", "externalId");

-- Users a provider created so far are its own.
UPDATE "User" u SET "identityProviderId" = p."id" FROM "IdentityProvider" p WHERE u."source" = p."name";
