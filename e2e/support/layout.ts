// Phone and desktop layout (#15 item 9) on an open page: nothing scrolls the page sideways or sticks out of it (a
// table may scroll inside its own container) and the top bar's controls never overlap, at 1440 and 390 px (768 lies
// between the two layouts' breakpoints; console-ux.spec.ts checks the dashboard at tablet width).
import { expect, type Page } from "@playwright/test";

export const WIDE = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** What is wrong with the layout as it stands: the page's sideways scroll, boxes outside the viewport, top-bar overlaps. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const vw = window.innerWidth;
    const root = document.documentElement;
    if (root.scrollWidth > vw) problems.push(`the page is ${root.scrollWidth} px wide in a ${vw} px viewport`);
    const name = (el: Element) => {
      const label = el.getAttribute("aria-label") ?? (el.textContent ?? "").trim().slice(0, 40);
      return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} class="${String(el.getAttribute("class") ?? "").slice(0, 60)}"> "${label}"`;
    };
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      // Screen-reader-only text is a clipped 1 px box: not on screen.
      return r.width > 1 && r.height > 1 && s.visibility !== "hidden" && s.clipPath !== "inset(50%)" && !s.clip.startsWith("rect(0px");
    };
    // Inside a container that scrolls or clips sideways, a box may pass the viewport: the container itself is checked.
    const insideOverflow = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== "visible") return true;
      return false;
    };
    const out: Element[] = [];
    for (const el of document.body.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.right <= vw + 0.5 && r.left >= -0.5) continue;
      if (!shown(el) || insideOverflow(el) || out.some((o) => o.contains(el))) continue;
      out.push(el);
      problems.push(`${name(el)} spans ${Math.round(r.left)}–${Math.round(r.right)} px of ${vw}`);
    }
    const bar = document.querySelector("[data-topbar]") ?? document.querySelector("body header");
    if (bar) {
      const controls = [...bar.querySelectorAll("a, button, select, input")].filter(shown);
      for (let i = 0; i < controls.length; i++)
        for (let j = i + 1; j < controls.length; j++) {
          const a = controls[i]!.getBoundingClientRect();
          const b = controls[j]!.getBoundingClientRect();
          if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
            problems.push(`top bar: ${name(controls[i]!)} overlaps ${name(controls[j]!)}`);
        }
    }
    return problems.slice(0, 8);
  });
}

/** Checks the open page wide, then (same page, no reload) at phone width; soft, so one walk lists every page. */
export async function checkWidths(page: Page, path: string) {
  for (const size of [WIDE, PHONE]) {
    await page.setViewportSize(size);
    // Two frames: resize observers (the audit chart) have redrawn at the new width.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect.soft(await layoutProblems(page), `${path} at ${size.width} px`).toEqual([]);
  }
  await page.setViewportSize(WIDE);
}
