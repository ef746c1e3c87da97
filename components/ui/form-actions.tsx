"use client";
import { Button, ButtonLink } from "./button";
import { useT } from "@/lib/i18n/client";

interface FormActionsProps {
  /** The submit button's label; none on a read-only form. */
  submitLabel?: string;
  /** Shown while the request runs; the button is disabled meanwhile. */
  pendingLabel?: string;
  pending?: boolean;
  /** Keeps the button disabled for another reason (the name to confirm not typed yet). */
  disabled?: boolean;
  danger?: boolean;
  /** A dialog's confirm button, which submits no form. */
  onConfirm?: () => void;
  /** Cancel closes something, or (cancelHref) leads back. */
  onCancel?: () => void;
  cancelHref?: string;
  cancelLabel?: string;
}

/** The footer of every form and confirmation: Cancel, then the action, which names what it is doing while pending. */
export function FormActions({ submitLabel, pendingLabel, pending = false, disabled = false, danger = false, onConfirm, onCancel, cancelHref, cancelLabel }: FormActionsProps) {
  const t = useT();
  if (!submitLabel && !onCancel && !cancelHref) return null;
  const cancel = cancelLabel ?? t("ui.cancel");
  return (
    <div className="flex justify-end gap-2 pt-2">
      {cancelHref ? (
        <ButtonLink variant="secondary" href={cancelHref}>
          {cancel}
        </ButtonLink>
      ) : (
        onCancel && (
          <Button variant="secondary" onClick={onCancel}>
            {cancel}
          </Button>
        )
      )}
      {submitLabel && (
        <Button type={onConfirm ? "button" : "submit"} variant={danger ? "danger" : "primary"} disabled={pending || disabled} onClick={onConfirm}>
          {pending && pendingLabel ? pendingLabel : submitLabel}
        </Button>
      )}
    </div>
  );
}
