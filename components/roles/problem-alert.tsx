import { ApiError, errorMessage } from "@/lib/client/api";
import type { TemplateIndex } from "./role-selection";

/** The BFF's refusal in words; an escalation refusal also lists what the caller lacks. */
export function ProblemAlert({ error, index }: { error: unknown; index?: TemplateIndex }) {
  if (!error) return null;
  const missing = error instanceof ApiError ? error.missing : [];
  return (
    <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-inset ring-red-600/20">
      <p>{errorMessage(error)}</p>
      {missing.length > 0 && (
        <>
          <p className="mt-2 font-medium">You don&apos;t hold these permissions here:</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {missing.map((name) => (
              <li key={name}>
                <span className="font-mono text-xs">{name}</span>
                {index?.get(name) && <span> — {index.get(name)!.description.en}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
