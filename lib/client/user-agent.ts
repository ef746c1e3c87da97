// A User-Agent as people name it: "Chrome 131 on Linux", "Safari 18 on iOS", "kubectl 1.32.4 on Linux". A few
// patterns in a fixed order, no library: the raw string stays available (a tooltip) when this says too little.

const OS: [RegExp, string][] = [
  [/Windows NT|Windows/, "Windows"],
  [/Android/, "Android"],
  [/iPhone|iPod/, "iOS"],
  [/iPad/, "iPadOS"],
  [/CrOS/, "ChromeOS"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/Linux|X11/, "Linux"],
];

// Each browser's token before the ones it also carries (Edge and Opera say Chrome, Chrome says Safari).
const BROWSERS: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\/(\d+)/, "Edge"],
  [/(?:OPR|Opera)\/(\d+)/, "Opera"],
  [/(?:Firefox|FxiOS)\/(\d+)/, "Firefox"],
  [/HeadlessChrome\/(\d+)/, "Headless Chrome"],
  [/(?:Chrome|CriOS|Chromium)\/(\d+)/, "Chrome"],
  [/Version\/(\d+)(?:\.\d+)*.*Safari\//, "Safari"],
];

// A client's platform in Go's form, as kubectl and client-go send it: "(linux/amd64)".
const GOOS: Record<string, string> = { linux: "Linux", darwin: "macOS", windows: "Windows", freebsd: "FreeBSD" };

export function readableUserAgent(ua: string | null | undefined): string | null {
  const raw = ua?.trim();
  if (!raw) return null;
  if (raw.startsWith("Mozilla/")) {
    const os = OS.find(([re]) => re.test(raw))?.[1];
    const browser = BROWSERS.map(([re, name]) => [raw.match(re), name] as const).find(([m]) => m);
    if (!browser) return os ?? raw;
    const named = `${browser[1]} ${browser[0]![1]}`;
    return os ? `${named} on ${os}` : named;
  }
  // A tool: its first product token, "kubectl/v1.32.4 (linux/amd64) kubernetes/…" → "kubectl 1.32.4 on Linux".
  const tool = raw.match(/^([A-Za-z][\w.-]*)\/v?(\d[\w.+-]*)/);
  if (!tool) return raw;
  const goos = raw.match(/\((\w+)\/\w+\)/)?.[1];
  const os = goos ? GOOS[goos] ?? goos : undefined;
  return `${tool[1]} ${tool[2]}${os ? ` on ${os}` : ""}`;
}
