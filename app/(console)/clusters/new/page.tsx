import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getT } from "@/lib/i18n/server";
import { principalFor } from "@/lib/auth/session";
import { consoleUser } from "@/lib/web/console-user";
import { effectivePermissions } from "@/lib/rbac/effective";
import { PageHeader } from "@/components/ui/page-header";
import { RegisterClusterForm } from "@/components/clusters/register-cluster-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("clusters.add") };
}

export default async function NewClusterPage() {
  // Only those who may register one get the form (a reader of the clusters gets the not-found page).
  const user = await consoleUser();
  if (!effectivePermissions(await principalFor(user), {}).includes("clusters.manage")) notFound();
  const t = await getT();
  return (
    <>
      <PageHeader title={t("clusters.add")} description={t("clusters.newDescription")} crumbs={[{ label: t("nav.clusters"), href: "/clusters" }]} />
      <RegisterClusterForm />
    </>
  );
}
