"use client";
import { usePathname } from "next/navigation";
import { useT } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n";
import { useViewer } from "@/components/shell/viewer";
import { ButtonLink } from "./button";

export interface BackTarget {
  href: string;
  label: string;
}

// A section's list, and what it takes to see it; anything else leads back to the dashboard, which everyone has.
const SECTIONS: { prefix: string; href: string; label: MessageKey; permission?: string }[] = [
  { prefix: "/workspaces/", href: "/workspaces", label: "nav.workspaces" },
  { prefix: "/clusters/", href: "/clusters", label: "nav.clusters", permission: "clusters.view" },
  { prefix: "/users/", href: "/users", label: "nav.users", permission: "users.view" },
  { prefix: "/platform/roles/", href: "/platform/roles", label: "nav.platformRoles", permission: "platform-roles.view" },
];

/** Where "Back" leads from a path whose object is missing: its section's list when the viewer may see it. */
export function sectionBack(path: string, can: (permission: string) => boolean): { href: string; label: MessageKey } {
  const section = SECTIONS.find((s) => path.startsWith(s.prefix) && (!s.permission || can(s.permission)));
  return section ? { href: section.href, label: section.label } : { href: "/dashboard", label: "nav.dashboard" };
}

/**
 * The one not-found page, inside the console shell: for an unknown URL and for any object that is missing or
 * hidden (the API answers 404 for both, so the page does not tell them apart either).
 */
export function NotFound({ back }: { back?: BackTarget }) {
  const t = useT();
  const path = usePathname() ?? "/";
  const { can } = useViewer();
  const fallback = sectionBack(path, can);
  const target = back ?? { href: fallback.href, label: t(fallback.label) };
  return (
    <section aria-labelledby="not-found-title" data-testid="not-found" className="rounded-lg border border-dashed border-zinc-300 bg-white px-6 py-12 text-center">
      <h1 id="not-found-title" className="text-lg font-semibold text-zinc-900">
        {t("notFound.title")}
      </h1>
      <p className="mt-2 text-sm text-zinc-600">{t("notFound.body")}</p>
      <ButtonLink variant="secondary" className="mt-6" href={target.href}>
        {t("notFound.back", { where: target.label })}
      </ButtonLink>
    </section>
  );
}
