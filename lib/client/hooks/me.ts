"use client";
import { useQuery } from "@tanstack/react-query";
import { apiGet } from "../api";

/** One of the caller's memberships that ends by itself; `endsSoon` within the console's warning time. */
export interface MyExpiringMembership {
  workspace: string;
  project: string | null;
  role: string;
  expiresAt: string;
  endsSoon: boolean;
}

/** The signed-in user as GET /api/v1/me answers, re-read every few minutes so a coming end is announced. */
export function useMe() {
  return useQuery({
    queryKey: ["me"],
    queryFn: () => apiGet<{ username: string; expiringMemberships: MyExpiringMembership[] }>("/api/v1/me"),
    refetchInterval: 5 * 60_000,
  });
}
