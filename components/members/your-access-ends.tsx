"use client";
import { useScopePermissions } from "@/lib/client/hooks/permissions";
import { useFormat } from "@/lib/client/format";
import { useT } from "@/lib/i18n/client";

/** Tells a member when their own access to this workspace or project ends (the sooner of the two memberships). */
export function YourAccessEnds({ workspace, project }: { workspace: string; project?: string }) {
  const t = useT();
  const { formatDateTime } = useFormat();
  const { data } = useScopePermissions({ workspace, project });
  const ends = [data?.expiresAt?.workspace, data?.expiresAt?.project].filter((x): x is string => !!x).sort()[0];
  if (!ends) return null;
  return (
    <p role="note" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
      {t("expiry.yoursHere", { at: formatDateTime(ends) })}
    </p>
  );
}
