"use client";
import { useQuery } from "@tanstack/react-query";
import { apiGet } from "../api";
import { listItems, templatesQuery } from "../queries";
import type { RoleLevel, Template } from "../types";

/** The permission templates of one level; the catalogue only changes with a release. */
export function useTemplates(level: RoleLevel) {
  const { queryKey, path } = templatesQuery(level);
  return useQuery({
    queryKey,
    queryFn: async () => listItems(await apiGet<{ items: Template[] }>(path)),
    staleTime: Infinity,
  });
}
