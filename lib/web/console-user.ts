import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { User } from "@prisma/client";
import { currentUser } from "@/lib/auth/session";

/**
 * The signed-in user of a console page, or a redirect to sign in (back to the asked page afterwards) or to change the
 * password first. The console layout and its pages render concurrently, so each page asks here rather than trusting
 * the layout to have checked; once per request, shared by both.
 */
export const consoleUser = cache(async (): Promise<User> => {
  const user = await currentUser();
  if (!user) {
    const asked = (await headers()).get("x-tenantry-path");
    redirect(asked && asked.startsWith("/") && !asked.startsWith("//") ? `/login?callbackUrl=${encodeURIComponent(asked)}` : "/login");
  }
  if (user.mustChangePassword) redirect("/change-password");
  return user;
});
