"use client";
import { Button } from "./button";
import { CopyButton } from "./copy-button";
import { useT } from "@/lib/i18n/client";
import { CodeBlock } from "./code-block";

/** A file to save somewhere (a kubeconfig, a policy): where, its content, and Copy / Download (`download={false}`: a snippet). */
export function FileBlock({ path, content, download: downloadable = true }: { path: string; content: string; download?: boolean }) {
  const t = useT();
  const name = path.split("/").pop()!;
  const download = () => {
    const url = URL.createObjectURL(new Blob([content], { type: "text/yaml" }));
    const a = Object.assign(document.createElement("a"), { href: url, download: name });
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <figure className="space-y-1">
      <figcaption className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <code className="break-all font-mono text-zinc-800">{path}</code>
        <span className="flex gap-2">
          <CopyButton text={content} what={name} />
          {downloadable && (
            <Button variant="secondary" className="px-2 py-1 text-xs" onClick={download}>
              {t("copy.download")}
              <span className="sr-only"> {name}</span>
            </Button>
          )}
        </span>
      </figcaption>
      <CodeBlock label={path} className="max-h-80">
        {content}
      </CodeBlock>
    </figure>
  );
}
