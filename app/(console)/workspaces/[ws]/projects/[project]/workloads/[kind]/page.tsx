import { redirect } from "next/navigation";

// …/workloads/pods is the list's pods tab.
export default async function WorkloadKindRoute({ params }: { params: Promise<{ ws: string; project: string; kind: string }> }) {
  const { ws, project, kind } = await params;
  redirect(`/workspaces/${ws}/projects/${project}/workloads?kind=${encodeURIComponent(kind)}`);
}
