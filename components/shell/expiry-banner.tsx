"use client";
import Link from "next/link";
import { useMe } from "@/lib/client/hooks/me";
import { useFormat } from "@/lib/client/format";
import { useT } from "@/lib/i18n/client";
import { useWords } from "@/lib/i18n/use-words";

/** The console's notice to a member whose access somewhere ends within the warning time (TENANTRY_EXPIRY_WARNING_HOURS). */
export function ExpiryBanner() {
  const t = useT();
  const words = useWords();
  const { formatDateTime } = useFormat();
  const soon = useMe().data?.expiringMemberships.filter((m) => m.endsSoon) ?? [];
  if (!soon.length) return null;
  return (
    <div role="status" aria-label={t("expiry.bannerLabel")} className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900 sm:px-6">
      <ul className="space-y-0.5">
        {soon.map((m) => {
          const href = m.project ? `/workspaces/${m.workspace}/projects/${m.project}` : `/workspaces/${m.workspace}`;
          return (
            <li key={href}>
              {t(m.project ? "expiry.bannerProject" : "expiry.bannerWorkspace", { role: words.role(m.project ? "project" : "workspace", m.role), at: formatDateTime(m.expiresAt) })}{" "}
              <Link href={href} className="font-medium underline">
                {m.project ? `${m.workspace}/${m.project}` : m.workspace}
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
