"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTRPC } from "~/trpc/react";
import { useCurrentStudio } from "./studio-context";

/** How often a view still polls something the live feed announces: only a safety net for a dropped feed. */
export const LIVE_FALLBACK_POLL_MS = 15_000;

/**
 * Refetches the given queries whenever the studio announces a change on one of the topics — another
 * person's edit shows up within a second or two, without reloading.
 */
export function useStudioLive(topics: string[], queryKeys: ReadonlyArray<readonly unknown[]>) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const studio = useCurrentStudio();
  useSubscription(
    trpc.studio.events.subscriptionOptions(
      { studioId: studio.id, topics },
      {
        onData: () => {
          for (const queryKey of queryKeys) void queryClient.invalidateQueries({ queryKey });
        },
      },
    ),
  );
}
