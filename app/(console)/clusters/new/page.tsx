import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { PageHeader } from "@/components/ui/page-header";
import { RegisterClusterForm } from "@/components/clusters/register-cluster-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getT();
  return { title: t("clusters.add") };
}

export default async function NewClusterPage() {
  const t = await getT();
  return (
    <>
      <PageHeader title={t("clusters.add")} description={t("clusters.newDescription")} crumbs={[{ label: t("nav.clusters"), href: "/clusters" }]} />
      <RegisterClusterForm />
    </>
  );
}
