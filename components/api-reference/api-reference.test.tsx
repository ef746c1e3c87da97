import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { translatorFor } from "@/lib/i18n";
import { ApiReference } from "./api-reference";

const doc = await openApiDocument();
const render = (locale: "en" | "zh") => renderToStaticMarkup(<ApiReference doc={doc} t={translatorFor(locale)} />);

describe("the API reference page", { timeout: 30_000 }, () => {
  it("shows every path and method of the document, grouped by tag", () => {
    const html = render("en");
    for (const [path, ops] of Object.entries(doc.paths)) {
      expect(html, path).toContain(`>${path}</code>`);
      for (const op of Object.values(ops)) expect(html, `${path} ${op.operationId}`).toContain(`id="op-${op.operationId!.replace(/[^a-zA-Z0-9-]/g, "-")}"`);
    }
    for (const { name } of doc.tags) expect(html).toContain(`id="tag-${name}"`);
  });

  it("spells out parameters, bodies, answers and who may call", () => {
    const html = render("en");
    const create = html.slice(html.indexOf('id="op-workspace-create"'), html.indexOf("</details>", html.indexOf('id="op-workspace-create"')));
    expect(create).toContain("Needs workspaces.create");
    expect(create).toContain("Request body");
    expect(create).toMatch(/>name<span[^>]*>required/);
    expect(create).toContain('href="#schema-Workspace"');
    expect(create).toContain('href="#problem-Problem409"');
    expect(html).toMatch(/id="problem-Problem409"[^]*already_exists/);
    expect(html).toContain('id="schema-Workspace"');
    expect(html).toContain("Any signed-in user");
  });

  it("speaks Chinese to a Chinese reader", () => {
    const html = render("zh");
    expect(html).toContain("请求体");
    expect(html).toContain("需要 workspaces.create");
  });
});
