"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import type { StudioTopic, TopicFilter } from "~/lib/live-topics";
import { useTRPC } from "~/trpc/react";
import { useCurrentStudio } from "./studio-context";

/** How often a view still polls something the live feed announces: only a safety net for a dropped feed. */
export const LIVE_FALLBACK_POLL_MS = 15_000;

type QueryKeys = ReadonlyArray<readonly unknown[]>;

/**
 * Refetches the given queries whenever the studio announces a change on one of the topics — another
 * person's edit shows up within a second or two, without reloading. `queryKeys` may depend on the event's
 * topic, so a frequent announcement (a planner run's progress) refreshes only what it changes.
 */
export function useStudioLive(topics: TopicFilter[], queryKeys: QueryKeys | ((topic: StudioTopic) => QueryKeys)) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const studio = useCurrentStudio();
  useSubscription(
    trpc.studio.events.subscriptionOptions(
      { studioId: studio.id, topics },
      {
        onData: (event) => {
          const keys = typeof queryKeys === "function" ? queryKeys(event.topic) : queryKeys;
          for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
        },
      },
    ),
  );
}
