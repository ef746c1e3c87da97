import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { en } from "@/lib/i18n/en";
import { I18nProvider } from "@/lib/i18n/client";
import { ConfirmDialog, type ConfirmDialogProps } from "./confirm-dialog";

const render = (props: Partial<ConfirmDialogProps>) =>
  renderToStaticMarkup(
    <I18nProvider locale="en" messages={en}>
      <ConfirmDialog open title="Revoke token ci?" confirmLabel="Revoke" onConfirm={() => {}} onClose={() => {}} {...props}>
        Scripts that send ci are refused.
      </ConfirmDialog>
    </I18nProvider>,
  );
const confirmButton = (html: string) => /<button[^>]*>Revoke<\/button>/.exec(html)?.[0] ?? "";

describe("the one confirmation dialog", () => {
  it("says the consequence and arms its button at once for a change", () => {
    const html = render({});
    expect(html).toContain("Scripts that send ci are refused.");
    expect(html).toContain(">Cancel</button>");
    expect(confirmButton(html)).not.toContain("disabled=\"\"");
    expect(confirmButton(html)).toContain("bg-red-600");
    expect(html).not.toContain("to confirm");
  });

  it("asks for the name to be typed before a deletion arms", () => {
    const html = render({ typeToConfirm: "web" });
    expect(html).toContain("Type web to confirm");
    expect(confirmButton(html)).toContain("disabled=\"\"");
  });

  it("confirms a change that widens nothing with the primary button, and shows the pending label", () => {
    expect(confirmButton(render({ danger: false }))).toContain("bg-indigo-600");
    expect(render({ pending: true, pendingLabel: "Revoking…" })).toMatch(/<button[^>]*disabled=""[^>]*>Revoking…<\/button>/);
  });

  it("renders nothing of its body while closed", () => {
    expect(render({ open: false })).not.toContain("Scripts that send ci");
  });
});
