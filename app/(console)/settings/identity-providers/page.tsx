import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { currentUser, principalFor } from "@/lib/auth/session";
import { authorize } from "@/lib/rbac/authorize";
import { ProvidersPage } from "@/components/identity/providers-page";

export const metadata: Metadata = { title: "Identity providers" };

export default async function IdentityProvidersSettings() {
  const user = await currentUser();
  if (!user) redirect("/login");
  if (!authorize(await principalFor(user), "settings.manage", {}).allowed) notFound();
  return <ProvidersPage origin={process.env.NEXTAUTH_URL ?? ""} />;
}
