"use client";
import { createContext, useContext, useMemo, type ReactNode } from "react";

/** The signed-in user and their platform permissions, read on the server by the console layout. */
export interface Viewer {
  username: string;
  displayName: string | null;
  platformRole: string;
  permissions: string[];
}

interface ViewerContextValue extends Viewer {
  can: (permission: string) => boolean;
}

const ViewerContext = createContext<ViewerContextValue | null>(null);

export function ViewerProvider({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
  const value = useMemo(() => {
    const granted = new Set(viewer.permissions);
    return { ...viewer, can: (permission: string) => granted.has(permission) };
  }, [viewer]);
  return <ViewerContext.Provider value={value}>{children}</ViewerContext.Provider>;
}

export function useViewer(): ViewerContextValue {
  const value = useContext(ViewerContext);
  if (!value) throw new Error("useViewer() outside the console layout");
  return value;
}
