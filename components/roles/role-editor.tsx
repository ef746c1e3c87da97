"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { fieldErrors, formProblem } from "@/lib/client/api";
import { scopeHref, type AccessScope } from "@/lib/client/access-scope";
import { useCreateRole, useUpdateRole } from "@/lib/client/hooks/roles";
import type { Role, Template } from "@/lib/client/types";
import { TextAreaField, TextField } from "@/components/ui/field";
import { DetailList } from "@/components/ui/card";
import { FormActions } from "@/components/ui/form-actions";
import { ProblemAlert } from "./problem-alert";
import { RoleDiffDialog } from "./role-diff-dialog";
import { chosenFromStored, effectiveTemplates, templateDiff, type TemplateIndex } from "./role-selection";
import { TemplateMatrix } from "./template-matrix";
import { useT } from "@/lib/i18n/client";

interface EditorProps {
  scope: AccessScope;
  templates: Template[];
  index: TemplateIndex;
  held?: Set<string>;
  /** The role being edited; absent when creating one. */
  role?: Role;
  readOnly: boolean;
}

export function RoleEditor({ scope, templates, index, held, role, readOnly }: EditorProps) {
  const t = useT();
  const router = useRouter();
  const listHref = `${scopeHref(scope)}/roles`;
  const create = useCreateRole(scope);
  const update = useUpdateRole(scope, role?.name ?? "");
  const [name, setName] = useState("");
  const [displayName, setDisplayName] = useState(role?.displayName ?? "");
  const [description, setDescription] = useState(role?.description ?? "");
  const [chosen, setChosen] = useState(() => chosenFromStored(role?.templates ?? [], index));
  const [reviewing, setReviewing] = useState(false);
  const next = effectiveTemplates(chosen, index);
  const diff = templateDiff(role?.templates ?? [], next);
  const errors = fieldErrors(create.error);
  // Field problems show under their fields; refusals (escalation, 409) above the buttons.
  const createProblem = formProblem(create.error);
  const input = { displayName: displayName.trim() || undefined, description: description.trim() || undefined, templates: next };

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (role) setReviewing(true);
    else create.mutate({ name: name.trim(), ...input }, { onSuccess: () => router.push(listHref) });
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={role ? t("roles.editAria", { name: role.name }) : t("roles.create")} className="space-y-6">
      {readOnly ? (
        // Built-in roles and callers without manage read the role: text, not inputs that look editable.
        <DetailList items={[{ label: t("common.name"), value: <span className="font-mono">{role?.name ?? "—"}</span> }, { label: t("ui.displayName"), value: role?.displayName || "—" }, { label: t("ui.description"), value: role?.description || "—" }]} />
      ) : (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            {role ? (
              <TextField label={t("common.name")} value={role.name} disabled readOnly />
            ) : (
              <TextField label={t("common.name")} value={name} onChange={(e) => setName(e.target.value)} required autoComplete="off" spellCheck={false} error={errors.name} hint={t("ui.nameHintFixed")} />
            )}
            <TextField label={t("ui.displayName")} value={displayName} onChange={(e) => setDisplayName(e.target.value)} autoComplete="off" error={errors.displayName} />
          </div>
          <TextAreaField label={t("ui.description")} value={description} onChange={(e) => setDescription(e.target.value)} rows={2} error={errors.description} />
        </>
      )}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-zinc-800">{t("roles.permissions")}</legend>
        <p className="text-xs text-zinc-500">
          {t("roles.permissionsHint")}
        </p>
        <TemplateMatrix templates={templates} index={index} chosen={chosen} held={held} readOnly={readOnly} onChange={setChosen} />
        {errors.templates && <p className="text-xs text-red-600">{errors.templates}</p>}
      </fieldset>
      <ProblemAlert error={createProblem} index={index} />
      <FormActions
        submitLabel={readOnly ? undefined : t(role ? "roles.review" : "roles.create")}
        pendingLabel={t("ui.creating")}
        pending={create.isPending}
        cancelHref={listHref}
        cancelLabel={readOnly ? t("roles.back") : undefined}
      />
      {role && (
        <RoleDiffDialog
          open={reviewing}
          role={role.name}
          added={diff.added}
          removed={diff.removed}
          index={index}
          saving={update.isPending}
          error={update.error}
          onConfirm={() => update.mutate(input, { onSuccess: () => router.push(listHref) })}
          onClose={() => {
            update.reset();
            setReviewing(false);
          }}
        />
      )}
    </form>
  );
}
