"use client";
import { useClusters } from "@/lib/client/hooks/clusters";
import { StatusBadge } from "@/components/ui/status-badge";
import { useT } from "@/lib/i18n/client";

/** Placement: which clusters the workspace may put projects on. */
export function ClusterCheckboxes({ selected, onChange, error }: { selected: string[]; onChange: (next: string[]) => void; error?: string }) {
  const t = useT();
  const clusters = useClusters();
  const toggle = (name: string, on: boolean) => onChange(on ? [...selected, name] : selected.filter((n) => n !== name));

  return (
    <fieldset aria-describedby={error ? "cluster-checkboxes-error" : undefined}>
      <legend className="text-sm font-medium text-zinc-800">{t("nav.clusters")}</legend>
      <div className="mt-2 space-y-2">
        {clusters.isPending && <p className="text-sm text-zinc-500">{t("clusters.loading")}</p>}
        {clusters.isError && <p className="text-sm text-red-600">{t("ws.clustersError", { reason: clusters.error.message })}</p>}
        {clusters.data?.length === 0 && <p className="text-sm text-zinc-500">{t("ws.noClusters")}</p>}
        {clusters.data?.map((c) => (
          <label key={c.name} className="flex items-center gap-3 rounded-md px-3 py-2 ring-1 ring-inset ring-zinc-200 hover:bg-zinc-50">
            <input
              type="checkbox"
              className="size-4 rounded border-zinc-300 accent-indigo-600"
              checked={selected.includes(c.name)}
              onChange={(e) => toggle(c.name, e.target.checked)}
            />
            <span className="flex-1 text-sm text-zinc-900">{c.name}</span>
            <StatusBadge status={c.health} />
          </label>
        ))}
      </div>
      {error && (
        <p id="cluster-checkboxes-error" className="mt-1.5 text-xs text-red-600">
          {error}
        </p>
      )}
    </fieldset>
  );
}
