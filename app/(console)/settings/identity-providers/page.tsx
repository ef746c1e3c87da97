import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { principalFor } from "@/lib/auth/session";
import { consoleUser } from "@/lib/web/console-user";
import { authorize } from "@/lib/rbac/authorize";
import { getT } from "@/lib/i18n/server";
import { publicOrigin } from "@/lib/api/public-origin";
import { ProvidersPage } from "@/components/identity/providers-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("user.identityProviders") };
}

export default async function IdentityProvidersSettings() {
  const user = await consoleUser();
  if (!authorize(await principalFor(user), "settings.manage", {}).allowed) notFound();
  return <ProvidersPage origin={publicOrigin(await headers()) ?? ""} />;
}
