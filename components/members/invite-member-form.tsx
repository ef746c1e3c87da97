"use client";
import { useState, type FormEvent } from "react";
import { fieldErrors, formProblem } from "@/lib/client/api";
import type { AccessScope } from "@/lib/client/access-scope";
import { useAddMember } from "@/lib/client/hooks/members";
import type { Role } from "@/lib/client/types";
import { SelectField } from "@/components/ui/field";
import { FormActions } from "@/components/ui/form-actions";
import { ProblemAlert } from "@/components/roles/problem-alert";
import { RoleOptions } from "./role-options";
import { UserPicker } from "./user-picker";
import { ExpiryPicker, expiryInstant, type Expiry } from "./expiry-picker";
import { useT } from "@/lib/i18n/client";

// The least a new member should start with at each level.
const defaultRole = { platform: "platform-regular", workspace: "regular", project: "viewer" } as const;

export function InviteMemberForm({ scope, roles, held, onDone }: { scope: AccessScope; roles: Role[]; held: Set<string>; onDone: () => void }) {
  const t = useT();
  const add = useAddMember(scope);
  const [username, setUsername] = useState("");
  const [role, setRole] = useState<string>(defaultRole[scope.level]);
  const [expiry, setExpiry] = useState<Expiry>({ kind: "never" });
  const errors = fieldErrors(add.error);
  const problem = formProblem(add.error);
  const invite = scope.level === "workspace";
  const title = t(invite ? "members.invite" : "members.add");

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const expiresAt = expiryInstant(expiry);
    add.mutate({ username: username.trim(), role, ...(expiresAt !== null ? { expiresAt } : {}) }, { onSuccess: onDone });
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={title} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <UserPicker scope={scope} value={username} onChange={setUsername} error={errors.username} hint={scope.level === "project" ? t("members.projectHint") : undefined} />
        <SelectField label={t("members.role")} value={role} onChange={(e) => setRole(e.target.value)} error={errors.role}>
          <RoleOptions roles={roles} held={held} />
        </SelectField>
      </div>
      <ExpiryPicker value={expiry} onChange={setExpiry} error={errors.expiresAt} />
      <ProblemAlert error={problem} />
      <FormActions submitLabel={title} pendingLabel={t(invite ? "members.inviting" : "members.adding")} pending={add.isPending} onCancel={onDone} />
    </form>
  );
}
