import { describe, expect, it } from "vitest";
import { z } from "zod";
import { translatorFor } from "@/lib/i18n";
import { en } from "@/lib/i18n/en";
import { matchedSources, messageLocalizer } from "@/lib/i18n/message-match";
import { dnsLabel } from "@/lib/schemas/common";
import { ApiError } from "./api";
import { schemaResolver, splitProblem, topLevelField } from "./form-problem";

const t = translatorFor("en");
const fields = topLevelField(["name", "cluster"]);

describe("a refusal on a form", () => {
  it("puts each field issue under its field and makes no toast when every issue has one", () => {
    const error = new ApiError(422, "invalid", "The request has invalid fields.", [
      { path: "name", message: "Required." },
      { path: "name", message: "Second message." },
      { path: "cluster.0", message: "Unknown cluster." },
    ]);
    expect(splitProblem(error, fields, t)).toEqual({ fields: { name: "Required.", cluster: "Unknown cluster." } });
  });

  it("says an issue no field shows in one toast, with its message", () => {
    const error = new ApiError(422, "invalid", "The request has invalid fields.", [
      { path: "name", message: "Taken." },
      { path: "labels.a", message: "Too long." },
      { path: "labels.b", message: "Too short." },
    ]);
    expect(splitProblem(error, fields, t)).toEqual({ fields: { name: "Taken." }, toast: { key: "problem.invalid", detail: "Too long. Too short." } });
  });

  it("makes a refusal without issues one toast with its code's summary and the server's sentence", () => {
    const error = new ApiError(409, "already_exists", 'Project "web" already exists.');
    expect(splitProblem(error, fields, t)).toEqual({ fields: {}, toast: { key: "problem.already_exists", detail: 'Project "web" already exists.' } });
    expect(splitProblem(new TypeError("fetch failed"), fields, t).toast).toEqual({ key: "problem.network", detail: t("problem.networkDetail") });
  });
});

describe("the schema as the form's resolver", () => {
  const schema = z.object({ name: z.string().min(1, "Required."), note: z.string().max(3, "At most 3.").optional(), hard: z.record(z.string(), z.string().regex(/^\d+$/, "A number.")) });
  const run = (resolver: ReturnType<typeof schemaResolver>, values: object) => resolver(values, undefined, { fields: {}, shouldUseNativeValidation: false });

  it("leaves a blank optional field out and keeps a blank required one, so it reads Required.", async () => {
    const resolver = schemaResolver(async () => schema, { fieldOf: (path) => path.split(".")[0] });
    expect(await run(resolver, { name: "a", note: "", hard: {} })).toEqual({ values: { name: "a", hard: {} }, errors: {} });
    expect((await run(resolver, { name: "", note: "", hard: {} })).errors).toMatchObject({ name: { message: "Required." } });
  });

  it("puts a body issue on the field that made it (a map key with dots included)", async () => {
    const resolver = schemaResolver<{ rows: { v: string }[] }, unknown>(async () => schema, {
      toBody: (v) => ({ name: "a", hard: { "requests.cpu": v.rows[0]!.v } }),
      fieldOf: (path) => (path === "hard.requests.cpu" ? "rows.0.v" : undefined),
    });
    const { errors } = await run(resolver as never, { rows: [{ v: "x" }] });
    expect(errors).toMatchObject({ rows: { 0: { v: { message: "A number." } } } });
  });
});

describe("a form's own check in Chinese", () => {
  it("words the schema's English message as the server would", async () => {
    const zh = translatorFor("zh");
    const localize = messageLocalizer(matchedSources(en));
    const resolver = schemaResolver(async () => z.object({ name: dnsLabel }), { fieldOf: (path) => path, localize: (m) => localize(m, zh) });
    const { errors } = await resolver({ name: "Not_A_Name" }, undefined, { fields: {}, shouldUseNativeValidation: false });
    expect(errors).toMatchObject({ name: { message: zh("field.dnsLabel") } });
    expect(zh("field.dnsLabel")).not.toBe(en["field.dnsLabel"]);
  });
});
