import type { ReactNode } from "react";

/**
 * Code, YAML, JSON, a kubeconfig or a command as a scrolling block. zinc-100/800 are among the colours dark mode
 * turns over (app/globals.css), so the block follows the theme; a fixed dark panel (zinc-900/950) would turn white.
 * Focusable, so a block that scrolls can be scrolled from the keyboard.
 */
export function CodeBlock({ children, label, testId, className = "max-h-96" }: { children: ReactNode; label?: string; testId?: string; className?: string }) {
  return (
    <pre tabIndex={0} aria-label={label} data-testid={testId} className={`overflow-auto rounded bg-zinc-100 p-3 font-mono text-xs text-zinc-800 ring-1 ring-inset ring-zinc-200 ${className}`}>
      {children}
    </pre>
  );
}
