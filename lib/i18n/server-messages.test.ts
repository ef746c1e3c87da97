import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { conflict, problemBody } from "../api/errors";
import { projectCreate } from "../schemas/project";
import { localizeServerMessage, zodParseParams } from "./server-messages";
import { requestLocale } from "./index";

const zhText = /[\u4e00-\u9fff]/;
const zh = (message: string) => localizeServerMessage(message, "zh");

describe("localizeServerMessage", () => {
  it("keeps English for English callers", () => {
    expect(localizeServerMessage("Required.", "en")).toBe("Required.");
    const body = problemBody(conflict('A workspace named "demo" already exists.', "already_exists"), "/api/v1/workspaces", "en");
    expect(body.detail).toBe('A workspace named "demo" already exists.');
  });

  it("re-words known messages for Chinese callers, keeping their values", () => {
    expect(zh("At most 63 characters.")).toBe("最多 63 个字符。");
    expect(zh('No user named "bob".')).toBe("没有名为“bob”的用户。");
    expect(zh('Workspace "demo" is not authorised on cluster "member".')).toBe("企业空间“demo”未获准使用集群“member”。");
    expect(zh("Could not connect: connect ECONNREFUSED\n127.0.0.1:6443")).toBe("无法连接：connect ECONNREFUSED\n127.0.0.1:6443");
  });

  it("re-words a problem's detail, not its code or title", () => {
    const body = problemBody(conflict('A workspace named "demo" already exists.', "already_exists"), "/api/v1/workspaces", "zh");
    expect(body).toMatchObject({ code: "already_exists", title: "Conflict", detail: "已存在名为“demo”的企业空间。" });
  });

  it("re-words details, denials and sign-in failures", () => {
    expect(zh('Project "web" not found.')).toBe("未找到项目“web”。");
    expect(zh("You cannot delete your own account.")).toBe("你不能删除自己的账户。");
    expect(zh('workspace role "regular" does not grant roles.manage')).toBe("企业空间角色“regular”未授予 roles.manage");
    expect(zh("directory unavailable: connect ECONNREFUSED")).toBe("目录服务不可用：connect ECONNREFUSED");
  });

  it("prefers the most specific message", () => {
    expect(zh('Cluster "member" not found.')).toBe("未找到集群“member”。");
    expect(zh('Cluster "member" of workspace "demo" not found.')).toBe("未找到企业空间“demo”的集群“member”。");
    expect(zh('project role "none" does not grant pods.view')).toBe("没有项目角色，未获授予 pods.view");
  });

  it("says a level in words and re-words a message inside another", () => {
    expect(zh('No workspace role named "ops".')).toBe("没有名为“ops”的企业空间角色。");
    expect(zh("The workspace's default project quota no longer fits its pool: cpu: requested 2, but 3 of the workspace's pool of 4 is already allocated to other projects (1 left).")).toBe(
      "企业空间的默认项目配额已超出其资源池：cpu：申请 2，但企业空间资源池 4 中已有 3 分配给其他项目（剩余 1）。",
    );
  });

  it("leaves a message it does not know as it is", () => {
    expect(zh("Something new.")).toBe("Something new.");
  });

  it("knows every message the schemas write", () => {
    const dir = join(__dirname, "../schemas");
    const messages = readdirSync(dir).flatMap((f) => [...readFileSync(join(dir, f), "utf8").matchAll(/"([^"\n]*[A-Za-z][^"\n]*\.)"/g)].map((m) => m[1]));
    expect(messages.length).toBeGreaterThan(20);
    expect(messages.filter((m) => !zhText.test(zh(m)))).toEqual([]);
  });

  it("knows every message the services and routes write", () => {
    const messages = saidInSource();
    expect(messages.length).toBeGreaterThan(100);
    expect(messages.filter((m) => !zhText.test(zh(m)))).toEqual([]);
  });

  it("with zod's Chinese messages, a schema's issues all read in Chinese", () => {
    const result = projectCreate.safeParse({ name: "Bad_Name", cluster: 7 }, zodParseParams("zh"));
    const messages = result.error!.issues.map((i) => zh(i.message));
    expect(messages).toHaveLength(2);
    for (const m of messages) expect(m).toMatch(zhText);
  });
});

// Where the source says what the console shows: the message arguments of these calls, by position (a
// sign-in failure's `reason` inside an object); the helpers in errors.ts are skipped.
const CALLS: [RegExp, Record<string, number[]>][] = [
  [/^(lib|app)\//, { conflict: [0], notFound: [0], forbidden: [0], badRequest: [0], invalid: [1], AppError: [2], Denial: [2] }],
  // Sign-in failures, listed in the login records.
  [/^lib\/(auth|identity)\//, { fail: [1], noteAttempt: [0] }],
];
// Every field issue's `message`; and the reasons or messages these files return: authorization denials (not
// grants, which no one sees), refusals of external users, connection test results.
const RETURNED: Record<string, string> = { "lib/rbac/authorize.ts": "reason", "lib/identity/external.ts": "reason", "lib/identity/test-connection.ts": "message" };

/** A literal's text, an interpolated value standing as "x". */
function text(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((s) => `x${s.literal.text}`).join("");
  return undefined;
}

/** An object's properties by name: a literal's text, `true`, else undefined (a shorthand, an expression). */
function properties(node: ts.ObjectLiteralExpression): Map<string, string | true | undefined> {
  const props = new Map<string, string | true | undefined>();
  for (const p of node.properties) {
    if (ts.isShorthandPropertyAssignment(p)) props.set(p.name.text, undefined);
    else if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name)) props.set(p.name.text, p.initializer.kind === ts.SyntaxKind.TrueKeyword || text(p.initializer));
  }
  return props;
}

function saidInSource(): string[] {
  const root = join(__dirname, "../..");
  const files = ["lib", "app"].flatMap((dir) => readdirSync(join(root, dir), { recursive: true, encoding: "utf8" }).map((f) => `${dir}/${f}`));
  return files
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts") && f !== "lib/api/errors.ts")
    .flatMap((file) => {
      const calls: Record<string, number[]> = Object.assign({}, ...CALLS.filter(([re]) => re.test(file)).map(([, c]) => c));
      const found: (string | true | undefined)[] = [];
      const visit = (node: ts.Node): void => {
        if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && ts.isIdentifier(node.expression)) {
          const name = node.expression.text;
          for (const arg of (calls[name] ?? []).map((i) => node.arguments?.[i])) {
            const said = arg && (ts.isObjectLiteralExpression(arg) ? properties(arg).get("reason") : text(arg));
            found.push(said && name === "notFound" ? `${said} not found.` : said);
          }
        }
        if (ts.isObjectLiteralExpression(node)) {
          const props = properties(node);
          if (props.has("path")) found.push(props.get("message"));
          if (RETURNED[file] && props.get("allowed") !== true) found.push(props.get(RETURNED[file]));
        }
        ts.forEachChild(node, visit);
      };
      visit(ts.createSourceFile(file, readFileSync(join(root, file), "utf8"), ts.ScriptTarget.Latest, true));
      return found.filter((m): m is string => typeof m === "string");
    });
}

describe("requestLocale", () => {
  const headers = (h: Record<string, string>) => new Headers(h);
  it("is English for a script that says nothing", () => expect(requestLocale(headers({}))).toBe("en"));
  it("follows Accept-Language", () => expect(requestLocale(headers({ "accept-language": "zh-CN,zh;q=0.9" }))).toBe("zh"));
  it("prefers the console's remembered language", () =>
    expect(requestLocale(headers({ "accept-language": "zh-CN", cookie: "a=1; tenantry-locale=en" }))).toBe("en"));
});
