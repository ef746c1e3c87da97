import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { translatorFor } from "@/lib/i18n";
import { ApiReference } from "./api-reference";
import { OperationBody } from "./bodies";

const doc = await openApiDocument();
const render = (locale: "en" | "zh") => renderToStaticMarkup(<ApiReference doc={doc} t={translatorFor(locale)} />);
/** An operation's summary line, from the page, and its content (mounted when opened), alone. */
const operation = (id: string, locale: "en" | "zh" = "en") => {
  const html = render(locale);
  const at = html.indexOf(`id="op-${id.replace(/[^a-zA-Z0-9-]/g, "-")}"`);
  const op = Object.values(doc.paths).flatMap((ops) => Object.values(ops)).find((o) => o.operationId === id)!;
  return html.slice(at, html.indexOf("</details>", at)) + renderToStaticMarkup(<OperationBody op={op} t={translatorFor(locale)} />);
};

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
    const create = operation("workspace.create");
    expect(create).toContain("Needs workspaces.create");
    expect(create).toContain("Request body");
    expect(create).toMatch(/>name<span[^>]*>required/);
    expect(create).toContain('href="#schema-Workspace"');
    expect(create).toContain('href="#problem-Problem409"');
    expect(html).toMatch(/id="problem-Problem409"[^]*already_exists/);
    expect(html).toContain('id="schema-Workspace"');
    expect(html).toContain("Any signed-in user");
  });

  it("keeps what an operation or a schema holds out of the page until it is opened", () => {
    const html = render("en");
    expect(html).not.toContain("Request body");
    expect((html.match(/<details/g) ?? []).length).toBe(Object.values(doc.paths).flatMap((ops) => Object.values(ops)).length + Object.keys(doc.components.schemas).length);
  });

  it("speaks Chinese to a Chinese reader", () => {
    const create = operation("workspace.create", "zh");
    expect(create).toContain("请求体");
    expect(create).toContain("需要 workspaces.create");
  });
});
