// The subset of CEL that admission policies here use: literals, variables with field/index access,
// ! && || == != in, has(), size() and the string methods startsWith/endsWith/contains.
// Anything else is a compile error, which the policy's failurePolicy then decides on.
type Value = unknown;
type Node = (vars: Record<string, Value>) => Value;

export class CelError extends Error {}

const TOKEN = /\s*(?:(\d+)|'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(&&|\|\||==|!=|[!.()[\],])|([A-Za-z_][A-Za-z0-9_]*))/y;
type Tok = { t: "num" | "str" | "op" | "id"; v: string };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    if (/^\s*$/.test(src.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(src);
    if (!m) throw new CelError(`Syntax error at ${TOKEN.lastIndex}: ${src.slice(TOKEN.lastIndex, TOKEN.lastIndex + 10)}`);
    if (m[1] !== undefined) out.push({ t: "num", v: m[1] });
    else if (m[2] !== undefined || m[3] !== undefined) out.push({ t: "str", v: (m[2] ?? m[3]!).replace(/\\(.)/g, "$1") });
    else if (m[4]) out.push({ t: "op", v: m[4] });
    else out.push({ t: "id", v: m[5]! });
  }
  return out;
}

const truthy = (v: Value, what: string) => {
  if (typeof v !== "boolean") throw new CelError(`no such overload: ${what} applied to ${typeof v}`);
  return v;
};
function field(obj: Value, key: string): Value {
  if (obj === null || typeof obj !== "object") throw new CelError(`no such key: ${key}`);
  if (!(key in (obj as object))) throw new CelError(`no such key: ${key}`);
  return (obj as Record<string, Value>)[key];
}
const METHODS: Record<string, (s: string, arg: string) => boolean> = {
  startsWith: (s, a) => s.startsWith(a),
  endsWith: (s, a) => s.endsWith(a),
  contains: (s, a) => s.includes(a),
};

export function compile(src: string): Node {
  const toks = tokenize(src);
  let i = 0;
  const peek = (v?: string) => (v === undefined ? toks[i] : toks[i]?.t === "op" && toks[i]?.v === v ? toks[i] : undefined);
  const expect = (v: string) => {
    if (!peek(v)) throw new CelError(`Syntax error: expected '${v}' in ${src}`);
    i++;
  };

  const binary = (next: () => Node, ops: string[], apply: (op: string, a: Node, b: Node) => Node) => (): Node => {
    let left = next();
    for (let op = toks[i]; op?.t === "op" && ops.includes(op.v); op = toks[i]) {
      i++;
      left = apply(op.v, left, next());
    }
    return left;
  };
  const or: () => Node = binary(() => and(), ["||"], (_, a, b) => (v) => truthy(a(v), "||") || truthy(b(v), "||"));
  const and: () => Node = binary(() => rel(), ["&&"], (_, a, b) => (v) => truthy(a(v), "&&") && truthy(b(v), "&&"));
  const rel = (): Node => {
    const left = unary();
    const op = toks[i];
    if (op?.t === "op" && (op.v === "==" || op.v === "!=")) {
      i++;
      const right = unary();
      return (v) => (JSON.stringify(left(v)) === JSON.stringify(right(v))) === (op.v === "==");
    }
    if (op?.t === "id" && op.v === "in") {
      i++;
      const right = unary();
      return (v) => {
        const hay = right(v);
        if (Array.isArray(hay)) return hay.some((x) => JSON.stringify(x) === JSON.stringify(left(v)));
        if (hay && typeof hay === "object") return String(left(v)) in hay;
        throw new CelError("no such overload: in");
      };
    }
    return left;
  };
  const unary = (): Node => {
    if (peek("!")) {
      i++;
      const inner = unary();
      return (v) => !truthy(inner(v), "!");
    }
    return postfix(primary());
  };
  const postfix = (base: Node): Node => {
    for (;;) {
      if (peek(".")) {
        i++;
        const name = toks[i++];
        if (name?.t !== "id") throw new CelError(`Syntax error: field name expected in ${src}`);
        if (peek("(")) {
          const method = METHODS[name.v];
          if (!method) throw new CelError(`undeclared reference to '${name.v}'`);
          i++;
          const arg = or();
          expect(")");
          const target = base;
          base = (v) => method(String(target(v)), String(arg(v)));
        } else {
          const target = base;
          base = (v) => field(target(v), name.v);
        }
      } else if (peek("[")) {
        i++;
        const key = or();
        expect("]");
        const target = base;
        base = (v) => field(target(v), String(key(v)));
      } else return base;
    }
  };
  const primary = (): Node => {
    const tok = toks[i++];
    if (!tok) throw new CelError(`Syntax error: unexpected end of ${src}`);
    if (tok.t === "num") return () => Number(tok.v);
    if (tok.t === "str") return () => tok.v;
    if (tok.t === "op" && tok.v === "(") {
      const inner = or();
      expect(")");
      return inner;
    }
    if (tok.t === "op" && tok.v === "[") {
      const items: Node[] = [];
      while (!peek("]")) {
        items.push(or());
        if (!peek("]")) expect(",");
      }
      i++;
      return (v) => items.map((n) => n(v));
    }
    if (tok.t !== "id") throw new CelError(`Syntax error: unexpected '${tok.v}' in ${src}`);
    if (tok.v === "true" || tok.v === "false") return () => tok.v === "true";
    if (tok.v === "null") return () => null;
    if (tok.v === "has" || tok.v === "size") {
      expect("(");
      const arg = or();
      expect(")");
      if (tok.v === "size") return (v) => { const x = arg(v); return typeof x === "string" || Array.isArray(x) ? x.length : Object.keys(x as object).length; };
      return (v) => { try { return arg(v) !== undefined; } catch (e) { if (e instanceof CelError) return false; throw e; } };
    }
    const name = tok.v;
    return (v) => {
      if (!(name in v)) throw new CelError(`undeclared reference to '${name}'`);
      return v[name];
    };
  };

  const root = or();
  if (i < toks.length) throw new CelError(`Syntax error: unexpected '${toks[i]!.v}' in ${src}`);
  return root;
}

/** Evaluates a boolean expression; a non-boolean result is an error, as in CEL validations. */
export function evaluate(src: string, vars: Record<string, Value>): boolean {
  return truthy(compile(src)(vars), "expression result");
}
