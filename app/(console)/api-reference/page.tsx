import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";
import { openApiDocument } from "@/lib/api/openapi";
import { PageHeader } from "@/components/ui/page-header";
import { ApiReference } from "@/components/api-reference/api-reference";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("user.apiReference") };
}

// The document GET /api/v1/openapi.json serves, read here directly (any signed-in user may read both).
export default async function ApiReferencePage() {
  const [t, doc] = await Promise.all([getT(), openApiDocument()]);
  return (
    <div>
      <PageHeader
        title={t("user.apiReference")}
        description={t("apiRef.description")}
        actions={
          <a href="/api/v1/openapi.json" download="tenantry-openapi.json" className="text-sm font-medium text-indigo-700 hover:underline">
            {t("apiRef.download")}
          </a>
        }
      />
      <p className="-mt-3 mb-6 text-sm text-zinc-600">{t("apiRef.tokenHint")}</p>
      <ApiReference doc={doc} t={t} />
    </div>
  );
}
