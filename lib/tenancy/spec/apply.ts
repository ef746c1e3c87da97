// PUT …/spec: the changes a document asks for, made one by one through the routes' own checks and services
// (steps.ts) in ONE database transaction: any refusal or invalid part and nothing is changed. The cluster follows
// through the reconciler, which the services mark in that transaction (it wakes on commit). A dry run makes every
// change and check the same way, answers the changes, and rolls back.
import { db, inTransaction } from "../../db/client";
import { audited } from "../../audit/context";
import type { SpecDocument } from "./document";
import { diffProject, diffSpec, summarize, type Change } from "./diff";
import { exportProjects, exportSpec } from "./export";
import { normalDocument } from "./normalize";
import { runChange, type Author } from "./steps";

export interface ApplyResult {
  workspace: string;
  dryRun: boolean;
  /** The workspace did not exist: the document created it. */
  created: boolean;
  changes: Change[];
  summary: ReturnType<typeof summarize>;
}

const ROLLBACK = new Error("dry run: roll back");
/** Creating projects asks their cluster whether the namespace is free: room for a few slow answers. */
const TIMEOUT_MS = 120_000;

export async function applySpec(doc: SpecDocument, author: Author, { dryRun = false } = {}): Promise<ApplyResult> {
  const ws = doc.metadata.name;
  const wanted = normalDocument(doc);
  const changes: Change[] = [];
  let created = false;
  try {
    await db().$transaction(
      (tx) =>
        inTransaction(tx, async () => {
          const run = async (c: Change) => {
            await runChange(ws, c, author, tx);
            changes.push(c);
          };
          let current = await exportSpec(ws);
          if (!current) {
            created = true;
            for (const c of diffSpec(null, wanted)) await run(c);
            current = await exportSpec(ws);
          }
          for (const c of diffSpec(current, wanted)) {
            await run(c);
            // A new project's parts are compared with what creating it made (its creator as admin, the default quota).
            if (c.kind === "project" && c.action === "added") {
              const workspaceId = (await db().workspace.findUniqueOrThrow({ where: { name: ws }, select: { id: true } })).id;
              const [made] = await exportProjects(workspaceId, ws, undefined, c.name);
              for (const part of diffProject(made!, c.after as never, c.path)) await run(part);
            }
          }
          if (dryRun) throw ROLLBACK;
          // The apply's own event, committed with its changes (route() records it after a dry run).
          await audited(async () => undefined, { dryRun, summary: summarize(changes) });
        }),
      { timeout: TIMEOUT_MS, maxWait: 10_000 },
    );
  } catch (err) {
    if (err !== ROLLBACK) throw err;
  }
  return { workspace: ws, dryRun, created, changes, summary: summarize(changes) };
}
