"use client";
// What an operation or a schema holds, rendered in the browser from the API's own document once the reader opens it.
// The page's server render carries the summaries only: with every entry's content in it, the page was 940 kB of
// HTML, most of it React's payload for content no one had opened, which the browser parsed on every visit.
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import type { OpenApiDocument } from "@/lib/api/openapi";
import { apiGet } from "@/lib/client/api";
import { useT } from "@/lib/i18n/client";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { OperationBody, SchemaBody } from "./bodies";

/** The document, asked once per visit: it changes only with a release. */
function WithDocument({ children }: { children: (doc: OpenApiDocument) => ReactNode }) {
  const doc = useQuery({ queryKey: ["openapi"], queryFn: () => apiGet<OpenApiDocument>("/api/v1/openapi.json"), staleTime: Infinity });
  if (doc.isPending) return <LoadingState />;
  if (doc.isError) return <ErrorState error={doc.error} onRetry={() => doc.refetch()} />;
  return children(doc.data);
}

export function OperationContent({ path, method }: { path: string; method: string }) {
  const t = useT();
  return <WithDocument>{(doc) => <OperationBody op={doc.paths[path]![method]!} t={t} />}</WithDocument>;
}

export function SchemaContent({ name }: { name: string }) {
  const t = useT();
  return (
    <WithDocument>
      {(doc) => (
        <div className="px-5 pt-1 pb-4">
          <SchemaBody s={doc.components.schemas[name]!} t={t} />
        </div>
      )}
    </WithDocument>
  );
}
