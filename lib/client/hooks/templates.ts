"use client";
import { templatesQuery } from "../queries";
import type { RoleLevel, Template } from "../types";
import { useApiQuery } from "./api-query";

/** The permission templates of one level; the catalogue only changes with a release. */
export function useTemplates(level: RoleLevel) {
  return useApiQuery<Template[]>(templatesQuery(level), { staleTime: Infinity });
}
