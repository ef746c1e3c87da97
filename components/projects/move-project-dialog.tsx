"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { ApiError } from "@/lib/client/api";
import { useWorkspaces } from "@/lib/client/hooks/workspaces";
import { useCanCreateProjectsIn, useMovePlan, useMoveProject, type MoveMembers, type MovePlan } from "@/lib/client/hooks/project-move";
import { Dialog } from "@/components/ui/dialog";
import { FormActions } from "@/components/ui/form-actions";
import { SelectField } from "@/components/ui/field";
import { ProblemAlert } from "@/components/roles/problem-alert";
import { ProblemAlert as IssuesAlert } from "@/components/ui/problem";
import { useT } from "@/lib/i18n/client";
import { useWords } from "@/lib/i18n/use-words";
import type { Project } from "@/lib/client/types";

const MEMBER_CHOICES: { value: MoveMembers; label: "proj.moveMembersRefuse" | "proj.moveMembersDrop" | "proj.moveMembersInvite" }[] = [
  { value: "refuse", label: "proj.moveMembersRefuse" },
  { value: "drop", label: "proj.moveMembersDrop" },
  { value: "invite", label: "proj.moveMembersInvite" },
];

/** Moving a project: choose a workspace on its cluster where you may create projects, read the dry run, confirm. */
export function MoveProjectDialog({ project, open, onClose }: { project: Project; open: boolean; onClose: () => void }) {
  const t = useT();
  const router = useRouter();
  const [to, setTo] = useState("");
  const [members, setMembers] = useState<MoveMembers>("refuse");
  const workspaces = useWorkspaces();
  const candidates = (workspaces.data?.pages.flatMap((p) => p.items) ?? []).filter((w) => w.name !== project.workspace && w.clusters.includes(project.cluster)).map((w) => w.name);
  const targets = useCanCreateProjectsIn(candidates);
  const plan = useMovePlan(project.workspace, project.name, to, members);
  const move = useMoveProject(project.workspace, project.name);
  const outside = plan.error instanceof ApiError && plan.error.code === "members_not_in_target";

  const close = () => {
    setTo("");
    setMembers("refuse");
    move.reset();
    onClose();
  };
  // Through the promise, not mutate()'s onSuccess: once moved, the old address answers 404 and its page may unmount
  // this dialog first, which drops that callback (as in DeleteDialog). A refusal shows through move.error.
  const confirm = () =>
    move.mutateAsync({ workspace: to, members }).then((done) => router.push(`/workspaces/${done.to}/projects/${done.project}`), () => undefined);

  return (
    <Dialog open={open} title={t("proj.moveTitle", { name: project.name })} onClose={close}>
      <div className="space-y-4 text-sm text-zinc-700">
        <p className="text-zinc-600">{t("proj.moveIntro")}</p>
        {!workspaces.isPending && !targets.pending && targets.workspaces.length === 0 ? (
          <p>{t("proj.moveNoTargets", { cluster: project.cluster })}</p>
        ) : (
          <SelectField label={t("proj.moveTarget")} value={to} onChange={(e) => setTo(e.target.value)}>
            <option value="">{t("proj.moveChoose")}</option>
            {targets.workspaces.map((w) => (
              <option key={w} value={w}>
                {w}
              </option>
            ))}
          </SelectField>
        )}
        {to && (
          <fieldset>
            <legend className="font-medium text-zinc-800">{t("proj.moveMembers")}</legend>
            <div className="mt-1 space-y-1">
              {MEMBER_CHOICES.map((c) => (
                <label key={c.value} className="flex items-center gap-2">
                  <input type="radio" name="move-members" className="accent-indigo-600" checked={members === c.value} onChange={() => setMembers(c.value)} />
                  {t(c.label, { workspace: to })}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        {to && plan.isPending && <p className="text-zinc-500">{t("proj.movePlanning")}</p>}
        {plan.isError && (
          // The dry run's refusal, with what it names (the members outside the target, the quota keys over the pool).
          <IssuesAlert error={plan.error}>
            {plan.error instanceof ApiError && plan.error.issues.length > 0 && (
              <ul className="mt-1 list-disc pl-5">
                {plan.error.issues.map((i) => (
                  <li key={`${i.path}:${i.message}`}>{i.message}</li>
                ))}
              </ul>
            )}
            {outside && <p className="mt-2">{t("proj.moveChooseMembers")}</p>}
          </IssuesAlert>
        )}
        {plan.data && <PlanView plan={plan.data} />}
        <ProblemAlert error={move.error} />
        <FormActions
          submitLabel={t("proj.moveConfirm")}
          pendingLabel={t("proj.moving")}
          pending={move.isPending}
          disabled={!plan.data}
          danger
          onConfirm={confirm}
          onCancel={close}
        />
      </div>
    </Dialog>
  );
}

const fmt = (hard: Record<string, string>) => Object.entries(hard).map(([k, v]) => `${k}=${v}`).join(", ") || "—";

/** The dry run in words: what stays, who keeps, loses or gains access, which pools and connections change. */
function PlanView({ plan }: { plan: MovePlan }) {
  const t = useT();
  const { role } = useWords();
  const { memberships: m, quota, network } = plan;
  // Every role named here is a project role (members' and groups' in this project, the custom ones it carries).
  const holds = (x: { role: string }) => role("project", x.role);
  const rows: [string, string[]][] = [
    [t("proj.moveKept", { count: m.kept.length }), m.kept.map((x) => `${x.username} (${holds(x)})`)],
    [t("proj.moveDropped", { count: m.dropped.length }), m.dropped.map((x) => `${x.username} (${holds(x)})`)],
    [t("proj.moveInvited", { count: m.invited.length }), m.invited.map((x) => `${x.username} (${holds(x)})`)],
  ];
  return (
    <section aria-label={t("proj.movePlan")} className="space-y-2 rounded-md bg-zinc-50 p-3 ring-1 ring-inset ring-zinc-200">
      <h3 className="font-medium text-zinc-900">{t("proj.movePlan")}</h3>
      <p>{t("proj.moveNamespace", { name: plan.namespace.name, to: plan.to })}</p>
      <ul className="list-disc space-y-0.5 pl-5">
        {rows.map(([label, names]) => (
          <li key={label}>
            {label}
            {names.length > 0 && <span className="font-mono text-xs"> {names.join(", ")}</span>}
          </li>
        ))}
        {plan.groupBindings.length > 0 && <li>{t("proj.moveBindings", { list: plan.groupBindings.map((b) => `${b.provider}/${b.group} (${holds(b)})`).join(", ") })}</li>}
        {plan.roles.moved.length > 0 && <li>{t("proj.moveRoles", { names: plan.roles.moved.join(", ") })}</li>}
        {plan.roles.notInTarget.length > 0 && (
          <li>{t("proj.moveRolesMissing", { from: plan.from, to: plan.to, list: plan.roles.notInTarget.map((r) => `${r.username} (${holds(r)})`).join(", ") })}</li>
        )}
      </ul>
      <ul className="list-disc space-y-0.5 pl-5">
        <li>{t("proj.moveQuotaProject", { quota: fmt(quota.project) })}</li>
        {([[plan.from, quota.source], [plan.to, quota.target]] as const).map(([ws, pool]) => (
          <li key={ws}>
            {pool.hard
              ? t("proj.moveQuotaPool", { workspace: ws, pool: fmt(pool.hard), before: fmt(pool.allocated.before), after: fmt(pool.allocated.after) })
              : t("proj.moveQuotaNoPool", { workspace: ws })}
          </li>
        ))}
      </ul>
      <ul className="list-disc space-y-0.5 pl-5">
        {network.policies.length === 0 && network.connections.length === 0 && <li>{t("proj.moveNetworkSame")}</li>}
        {network.policies.map((p) => (
          <li key={p.name}>{t("proj.movePolicy", { name: p.name, change: t(`proj.moveChange.${p.change}`) })}</li>
        ))}
        {network.connections.map((c) => (
          <li key={`${c.from}>${c.to}`}>{t("proj.moveConnection", { from: c.from, to: c.to, before: c.before, after: c.after })}</li>
        ))}
      </ul>
    </section>
  );
}
