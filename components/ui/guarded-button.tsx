"use client";
import type { ComponentProps } from "react";
import { useCan, type CanScope } from "@/lib/client/hooks/can";
import type { PermissionName } from "@/lib/rbac/catalogue";
import { Button } from "./button";

/** A Button that needs `requires` at `scope`: disabled with the reason when the caller's roles do not grant it. */
export function GuardedButton({ requires, scope, disabled = false, ...props }: ComponentProps<typeof Button> & { requires: PermissionName; scope?: CanScope }) {
  const { guard } = useCan(scope);
  return <Button {...props} {...guard(requires, disabled)} />;
}
