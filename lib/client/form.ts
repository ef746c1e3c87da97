"use client";
// The console's forms: react-hook-form validating with the route's own zod schema before anything is sent, each
// error under its field until the field is fixed, and a refusal said once (field issues inline, the rest as one
// toast, which the form's next success takes down).
import { useEffect, useId } from "react";
import { get, useForm, type DefaultValues, type FieldError, type FieldValues, type Path } from "react-hook-form";
import { ApiError } from "./api";
import { schemaResolver, splitProblem, topLevelField, withJitless, type SchemaLoader } from "./form-problem";
import { markSentByForm } from "./toast";
import { useLocale, useLocalize, useT } from "@/lib/i18n/client";
import { useDismissToasts, useToast } from "@/components/ui/toast";

interface Options<V extends FieldValues> {
  defaultValues: DefaultValues<V>;
  /** The route's body from the form's values when they differ (units joined, rows made a map); by default blanks are left out. */
  toBody?: (values: V) => unknown;
  /** The form field an issue's path (`hard.requests.cpu`) belongs to; by default the path's first segment where the form has it. */
  fieldOf?: (path: string, values: V) => string | undefined;
}

// zod (its classic API cannot be tree-shaken) and the schemas built with it were most of a form page's first-load
// JavaScript, so a form gets its schema as `() => import("@/lib/schemas/…")`: fetched on the page's first interaction
// (see below), awaited by the first check, which still runs in the browser before anything is sent.
const INTENT = ["pointermove", "pointerdown", "focusin", "keydown"] as const;
const zhParams = () => import("zod/v4/locales/zh-CN.js").then((m) => ({ error: m.default().localeError }));

export function useZodForm<V extends FieldValues, B>(loadSchema: SchemaLoader<B>, { defaultValues, toBody, fieldOf }: Options<V>) {
  const t = useT();
  const toast = useToast();
  const dismiss = useDismissToasts();
  const source = useId();
  const topLevel = topLevelField(Object.keys(defaultValues ?? {}));
  const fieldFor = fieldOf ?? ((path: string) => topLevel(path));
  const localize = useLocalize();
  const resolver = schemaResolver<V, B>(loadSchema, { toBody, fieldOf: fieldFor, localize, zodParams: useLocale() === "zh" ? zhParams : undefined });
  // Not as the page loads: evaluating zod and the schemas was the longest task of a form page's start (its Total
  // Blocking Time); anyone about to type or click moves a pointer, focuses or presses a key first.
  useEffect(() => {
    const load = () => {
      stop();
      void withJitless(loadSchema)();
    };
    const stop = () => INTENT.forEach((e) => document.removeEventListener(e, load, true));
    INTENT.forEach((e) => document.addEventListener(e, load, { capture: true, passive: true }));
    return stop;
  }, [loadSchema]);
  const form = useForm<V, unknown, B>({ defaultValues, resolver, mode: "onSubmit", reValidateMode: "onChange" });

  /** Props for a TextField / SelectField / TextAreaField: registered, with its error while it has one. */
  const field = (name: Path<V>, options?: Parameters<typeof form.register>[1]) => ({
    ...form.register(name, options),
    error: (get(form.formState.errors, name) as FieldError | undefined)?.message,
  });

  /**
   * The form's onSubmit: validated, sent through `mutation` (its variables from `variables`, by default the body), then
   * `onSuccess`; a refusal's field issues go under their fields, anything else is one toast.
   */
  function submit<D, Vars = B>(mutation: { mutateAsync: (variables: Vars) => Promise<D> }, { variables, onSuccess }: { variables?: (body: B) => Vars; onSuccess?: (data: D) => void } = {}) {
    return form.handleSubmit(async (parsed) => {
      let data: D;
      try {
        data = await mutation.mutateAsync(markSentByForm(variables ? variables(parsed) : (parsed as unknown as Vars)));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return; // the session lapsed: the console goes to sign-in
        const { fields, toast: rest } = splitProblem(error, (path) => fieldFor(path, form.getValues()), t);
        for (const [name, message] of Object.entries(fields)) form.setError(name as Path<V>, { type: "server", message });
        if (rest) toast({ key: rest.key, detail: rest.detail, tone: "error", source });
        return;
      }
      dismiss(source);
      onSuccess?.(data);
    }, (errors) => {
      // An issue no field shows (a rule across fields) is said once, as a failed request's rest would be.
      const root = errors.root as FieldError | undefined;
      if (root?.message) toast({ key: "problem.invalid", detail: root.message, tone: "error", source });
    });
  }

  return { ...form, field, submit, pending: form.formState.isSubmitting, source };
}

export type ZodForm<V extends FieldValues, B> = ReturnType<typeof useZodForm<V, B>>;
