import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { currentUser, principalFor } from "@/lib/auth/session";
import { effectivePermissions } from "@/lib/rbac/effective";
import { Providers } from "@/components/providers";
import { ConsoleShell } from "@/components/shell/console-shell";
import type { Viewer } from "@/components/shell/viewer";

// Every console page needs a session: the user is re-read on each request, so a disabled one is out at once.
export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) {
    const asked = (await headers()).get("x-tenantry-path");
    redirect(asked && asked.startsWith("/") && !asked.startsWith("//") ? `/login?callbackUrl=${encodeURIComponent(asked)}` : "/login");
  }
  if (user.mustChangePassword) redirect("/change-password");
  const viewer: Viewer = {
    username: user.username,
    displayName: user.displayName,
    platformRole: user.platformRole,
    permissions: effectivePermissions(await principalFor(user), {}),
  };
  return (
    <Providers>
      <ConsoleShell viewer={viewer}>{children}</ConsoleShell>
    </Providers>
  );
}
