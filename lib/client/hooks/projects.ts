"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../api";
import { projectList, projectPath, projectQuery, projectsPath, projectsQuery } from "../queries";
import type { Project, ProjectStatus } from "../types";
import { toastMessage } from "../toast";
import { usePagedList } from "./list";
import { useApiQuery } from "./api-query";

export interface ProjectInput {
  name: string;
  cluster: string;
  displayName?: string;
  description?: string;
}

const POLL_MS = 2_000;
const settling = (status: ProjectStatus | undefined) => status === "pending" || status === "terminating";


/** The workspace's projects; polls while any of them is still settling on its cluster. */
export function useProjects(ws: string) {
  return useApiQuery<Project[]>(projectsQuery(ws), { refetchInterval: (query) => (query.state.data?.some((p) => settling(p.status)) ? POLL_MS : false) });
}

/** The projects table's pages (`params`: q, sort, status, cluster); polls while a shown project is settling. */
export const useProjectList = (ws: string, params: Record<string, string>) =>
  usePagedList<Project>(projectList(ws), params, (rows) => (rows.some((p) => settling(p.status)) ? POLL_MS : false));

/** One project; polls every 2 s while it is pending or terminating. */
export function useProject(ws: string, project: string) {
  return useApiQuery<Project>(projectQuery(ws, project), { refetchInterval: (query) => (settling(query.state.data?.status) ? POLL_MS : false) });
}

export function useCreateProject(ws: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ProjectInput) => apiSend<Project>("POST", projectsPath(ws), input),
    meta: { toast: (p: Project) => toastMessage("toast.projectCreated", { name: p.name }) },
    onSuccess: (project) => {
      client.setQueryData(["projects", ws, project.name], project);
      return Promise.all([
        client.invalidateQueries({ queryKey: ["projects", ws], exact: true }),
        client.invalidateQueries({ queryKey: ["project-list", ws] }),
        client.invalidateQueries({ queryKey: ["workspaces"] }),
      ]);
    },
  });
}

/** Resolves to the terminating project (202) or undefined once the namespace is gone (204). */
export function useDeleteProject(ws: string, project: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend<Project | undefined>("DELETE", projectPath(ws, project)),
    meta: { toast: (terminating: Project | undefined) => toastMessage(terminating ? "toast.projectDeleting" : "toast.projectDeleted", { name: project }) },
    onSuccess: (terminating) => {
      if (terminating) client.setQueryData(["projects", ws, project], terminating);
      return Promise.all([
        client.invalidateQueries({ queryKey: ["projects", ws], exact: true }),
        client.invalidateQueries({ queryKey: ["project-list", ws] }),
        client.invalidateQueries({ queryKey: ["workspaces"] }),
      ]);
    },
  });
}
