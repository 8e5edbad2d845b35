import { QueryClient } from "@tanstack/react-query";
import superjson from "superjson";

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Also what keeps a query prefetched on the server (src/trpc/server.tsx) from being fetched again on load.
        staleTime: 30_000,
        retry: (failureCount, error) => {
          const code = (error as { data?: { code?: string } }).data?.code;
          // Retrying cannot fix these; a 503 can.
          if (code && ["NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED", "BAD_REQUEST"].includes(code)) return false;
          return failureCount < 2;
        },
      },
      // Only successful queries are handed to the browser (the default): server components wait for their
      // prefetches, and the layout dehydrates the request's cache while the page's queries may still be running.
      dehydrate: { serializeData: superjson.serialize },
      hydrate: { deserializeData: superjson.deserialize },
    },
  });
}
