import type { Metadata } from "next";
import { ProjectDetail } from "@/components/projects/project-detail";

type Params = { params: Promise<{ ws: string; project: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { ws, project } = await params;
  return { title: `${project} · ${ws}` };
}

export default async function ProjectPage({ params }: Params) {
  const { ws, project } = await params;
  return <ProjectDetail key={`${ws}/${project}`} workspace={ws} name={project} />;
}
