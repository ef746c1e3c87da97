import type { ReactNode } from "react";
import { principalFor } from "@/lib/auth/session";
import { consoleUser } from "@/lib/web/console-user";
import { effectivePermissions } from "@/lib/rbac/effective";
import { Providers } from "@/components/providers";
import { ConsoleShell } from "@/components/shell/console-shell";
import type { Viewer } from "@/components/shell/viewer";

// Every console page needs a session: the user is re-read on each request, so a disabled one is out at once.
export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await consoleUser();
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
