import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { RegisterClusterForm } from "@/components/clusters/register-cluster-form";

export const metadata: Metadata = { title: "Add cluster" };

export default function NewClusterPage() {
  return (
    <>
      <PageHeader title="Add cluster" description="Register a Kubernetes cluster with a kubeconfig." crumbs={[{ label: "Clusters", href: "/clusters" }]} />
      <RegisterClusterForm />
    </>
  );
}
