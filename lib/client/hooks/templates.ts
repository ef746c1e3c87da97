"use client";
import { useQuery } from "@tanstack/react-query";
import { apiGet } from "../api";
import type { RoleLevel, Template } from "../types";

/** The permission templates of one level; the catalogue only changes with a release. */
export function useTemplates(level: RoleLevel) {
  return useQuery({
    queryKey: ["templates", level],
    queryFn: async () => (await apiGet<{ items: Template[] }>("/api/v1/templates", { scope: level })).items,
    staleTime: Infinity,
  });
}
