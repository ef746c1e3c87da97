"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useZodForm } from "@/lib/client/form";
import type { RoleBody } from "@/lib/schemas/rbac";
import { rolesPermission, scopeHref, type AccessScope } from "@/lib/client/access-scope";
import { useCreateRole, useUpdateRole } from "@/lib/client/hooks/roles";
import type { Role, Template } from "@/lib/client/types";
import { TextAreaField, TextField } from "@/components/ui/field";
import { DetailList } from "@/components/ui/card";
import { FormActions } from "@/components/ui/form-actions";
import { RoleDiffDialog } from "./role-diff-dialog";
import { chosenFromStored, effectiveTemplates, templateDiff, type TemplateIndex } from "./role-selection";
import { TemplateMatrix } from "./template-matrix";
import { useLocale, useT } from "@/lib/i18n/client";
import { roleDescription } from "@/lib/i18n/words";
import { roleTitle } from "./role-title";
import { useCan } from "@/lib/client/hooks/can";

const createSchema = () => import("@/lib/schemas/rbac").then((m) => m.roleBody);
const updateSchema = () => import("@/lib/schemas/rbac").then((m) => m.roleUpdate);

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
  const locale = useLocale();
  const router = useRouter();
  const listHref = `${scopeHref(scope)}/roles`;
  const create = useCreateRole(scope);
  const update = useUpdateRole(scope, role?.name ?? "");
  const [chosen, setChosen] = useState(() => chosenFromStored(role?.templates ?? [], index));
  const [reviewing, setReviewing] = useState(false);
  const { requires } = useCan(scope);
  const form = useZodForm(role ? updateSchema : createSchema, {
    defaultValues: { name: "", displayName: role?.displayName ?? "", description: role?.description ?? "", templates: effectiveTemplates(chosen, index) },
  });
  const next = form.watch("templates");
  const diff = templateDiff(role?.templates ?? [], next);
  const choose = (c: Set<string>) => {
    setChosen(c);
    form.setValue("templates", effectiveTemplates(c, index), { shouldValidate: form.formState.isSubmitted });
  };
  // A new role is sent at once; an edit is reviewed first (what it adds and removes), then saved from the dialog.
  const onSubmit = role ? form.handleSubmit(() => setReviewing(true)) : form.submit(create, { variables: (body) => body as RoleBody, onSuccess: () => router.push(listHref) });
  const input = () => {
    const v = form.getValues();
    return { displayName: v.displayName.trim() || undefined, description: v.description.trim() || undefined, templates: v.templates };
  };

  return (
    <form onSubmit={onSubmit} noValidate {...requires(rolesPermission(scope, "manage"))} aria-label={role ? t("roles.editAria", { name: role.name }) : t("roles.create")} className="space-y-6">
      {readOnly ? (
        // Built-in roles and callers without manage read the role: text, not inputs that look editable.
        <DetailList items={[{ label: t("common.name"), value: <span className="font-mono">{role?.name ?? "—"}</span> }, { label: t("ui.displayName"), value: (role && roleTitle(role, locale)) || "—" }, { label: t("ui.description"), value: (role?.builtIn && roleDescription(role.level, role.name, locale)) || role?.description || "—" }]} />
      ) : (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            {role ? (
              <TextField label={t("common.name")} value={role.name} disabled readOnly />
            ) : (
              <TextField label={t("common.name")} {...form.field("name")} required autoComplete="off" spellCheck={false} hint={t("ui.nameHintFixed")} />
            )}
            <TextField label={t("ui.displayName")} {...form.field("displayName")} autoComplete="off" />
          </div>
          <TextAreaField label={t("ui.description")} {...form.field("description")} rows={2} />
        </>
      )}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-zinc-800">{t("roles.permissions")}</legend>
        <p className="text-xs text-zinc-500">
          {t("roles.permissionsHint")}
        </p>
        <TemplateMatrix templates={templates} index={index} chosen={chosen} held={held} readOnly={readOnly} onChange={choose} />
        {form.formState.errors.templates?.message && <p className="text-xs text-red-600">{form.formState.errors.templates.message}</p>}
      </fieldset>
      <FormActions
        submitLabel={readOnly ? undefined : t(role ? "roles.review" : "roles.create")}
        pendingLabel={t("ui.creating")}
        pending={form.pending}
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
          onConfirm={() => update.mutate(input(), { onSuccess: () => router.push(listHref) })}
          onClose={() => {
            update.reset();
            setReviewing(false);
          }}
        />
      )}
    </form>
  );
}
