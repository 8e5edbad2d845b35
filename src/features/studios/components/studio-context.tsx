"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { StudioFormat } from "~/lib/units";
import { can, type Permission, type StudioRole } from "~/server/authz/permissions";

/** The studio of the page; `timeZone` is the zone of every day and time the studio's screens show, `format` how money and quantities read. */
export type CurrentStudio = { id: string; name: string; slug: string; timeZone: string; role: StudioRole; format: StudioFormat };

const StudioContext = createContext<CurrentStudio | null>(null);

export function StudioProvider({ studio, children }: { studio: CurrentStudio; children: ReactNode }) {
  return <StudioContext.Provider value={studio}>{children}</StudioContext.Provider>;
}

export function useCurrentStudio(): CurrentStudio {
  const studio = useContext(StudioContext);
  if (!studio) throw new Error("useCurrentStudio outside a studio page");
  return studio;
}

/** UI-side check from the same permission table the server enforces. */
export function useCan(permission: Permission): boolean {
  return can(useCurrentStudio().role, permission);
}

/** The studio's currency, number format and unit system, for formatCents / formatQuantity. */
export function useStudioFormat(): StudioFormat {
  return useCurrentStudio().format;
}
