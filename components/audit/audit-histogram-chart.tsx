"use client";
// The histogram's plot (uPlot, canvas), loaded on its own after the page: axes, stacked bars and drag-to-zoom.
import { useEffect, useRef, useState } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { AuditHistogram } from "@/lib/client/types";
import { useLocale } from "@/lib/i18n/client";
import { intlLocale } from "@/lib/client/format";
import { SERIES } from "./histogram-series";

const HEIGHT = 180;
const DAY = 86_400;

/** Time labels in the console's language: dates once ticks are a day or more apart, else times (with the date at midnight). */
function timeLabels(locale: string) {
  const date = new Intl.DateTimeFormat(locale, { month: "numeric", day: "numeric" });
  const time = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit" });
  return (_u: uPlot, splits: number[], _axis: number, _space: number, incr: number) =>
    splits.map((s) => {
      const d = new Date(s * 1000);
      if (incr >= DAY) return date.format(d);
      return d.getHours() === 0 && d.getMinutes() === 0 ? `${date.format(d)}\n${time.format(d)}` : time.format(d);
    });
}

/** Counts are whole: ticks 1, 2, 5, 10, … apart. */
const COUNT_STEPS = [1, 2, 5].flatMap((m) => [1, 10, 100, 1000, 10_000, 100_000, 1_000_000].map((p) => m * p)).sort((a, b) => a - b);

/** Changes when the theme does (the class on <html>, or the system's preference): the canvas is drawn again in its colours. */
function useThemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const classes = new MutationObserver(bump);
    classes.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
    const system = window.matchMedia("(prefers-color-scheme: dark)");
    system.addEventListener("change", bump);
    return () => {
      classes.disconnect();
      system.removeEventListener("change", bump);
    };
  }, []);
  return version;
}

export default function AuditHistogramChart({ data, onZoom }: { data: AuditHistogram; onZoom: (fromMs: number, toMs: number) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const zoom = useRef(onZoom);
  const locale = intlLocale(useLocale());
  const theme = useThemeVersion();
  useEffect(() => {
    zoom.current = onZoom;
  }, [onZoom]);

  useEffect(() => {
    const el = box.current!;
    // The theme's colours (dark mode redefines them), read where the canvas is drawn.
    const css = getComputedStyle(el);
    const color = (name: string) => css.getPropertyValue(`--color-${name}`).trim() || "gray";
    const xs = data.buckets.map((b) => Date.parse(b.start) / 1000);
    // Stacked: each series is drawn from 0 to its running total, the later ones over the earlier.
    const stacks = SERIES.map((s) => data.buckets.map((b) => SERIES.slice(SERIES.indexOf(s)).reduce((n, t) => n + t.count(b), 0)));
    // Whole buckets: from the first one's start to the last one's end, so no bar is cut at either edge.
    const step = xs.length > 1 ? xs[1]! - xs[0]! : (Date.parse(data.to) - Date.parse(data.from)) / 1000;
    const span: [number, number] = [Math.min(xs[0] ?? Infinity, Date.parse(data.from) / 1000), Math.max(Date.parse(data.to) / 1000, (xs.at(-1) ?? 0) + step)];
    const bars = uPlot.paths.bars!({ size: [1, Infinity], gap: 1, align: 1 });
    const axis = { stroke: color("zinc-500"), grid: { stroke: color("zinc-200"), width: 1 }, ticks: { stroke: color("zinc-200"), width: 1 } };
    const plot = new uPlot(
      {
        width: el.clientWidth,
        height: HEIGHT,
        legend: { show: false },
        cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false } },
        scales: { x: { time: true, range: () => span }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        axes: [
          { ...axis, values: timeLabels(locale), space: 70 },
          { ...axis, incrs: COUNT_STEPS, values: (_u, splits) => splits.map((v) => String(v)), size: 40 },
        ],
        series: [{}, ...SERIES.map((s) => ({ label: s.key, fill: color(s.color), stroke: color(s.color), width: 0, paths: bars, points: { show: false } }))],
        hooks: {
          setSelect: [
            (u) => {
              const { left, width } = u.select;
              if (width >= 3) zoom.current(u.posToVal(left, "x") * 1000, u.posToVal(left + width, "x") * 1000);
              u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
            },
          ],
        },
      },
      [xs, ...stacks],
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [data, locale, theme]);

  return <div ref={box} data-testid="audit-histogram" className="min-h-[180px] w-full cursor-crosshair" />;
}
