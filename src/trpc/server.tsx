import "server-only";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy, type ResolverDef, type TRPCQueryOptions } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache, type ReactNode } from "react";
import { getRequestSession } from "~/server/auth";
import { clientIp } from "~/server/http/client-ip";
import { createContext } from "~/server/trpc/context";
import { appRouter } from "~/server/trpc/root";
import { makeQueryClient } from "./query-client";

// Server components prefetch the queries their client components run, into one query client per request;
// <HydrateClient> hands that cache to the browser, so the first render (server HTML and hydration) has the
// data and the client does not fetch it again (fresh for the client query client's staleTime).

/** The request's query client: the layout and the page prefetch into the same one. */
export const getQueryClient = cache(makeQueryClient);

/** The request's tRPC context, built once per request from its own cookies: the page's session. */
const requestContext = cache(async () => {
  const requestHeaders = new Headers(await headers());
  return createContext({ session: await getRequestSession(requestHeaders), headers: requestHeaders, clientIp: clientIp(requestHeaders) });
});

/**
 * `trpc.<router>.<procedure>.queryOptions(input)` on the server, with the same query keys as `useTRPC()` in the
 * browser. Calls go straight to the router, through the same procedures as over HTTP: studioProcedure loads
 * the membership from the database and runs the query in the studio's row-level-security transaction.
 */
export const trpc = createTRPCOptionsProxy({ router: appRouter, ctx: requestContext, queryClient: getQueryClient });

/** What `trpc.<router>.<procedure>.queryOptions(input)` returns, for any query procedure. */
type PrefetchOptions = ReturnType<TRPCQueryOptions<ResolverDef>>;

/**
 * Runs the queries into the request's cache, in parallel, and waits for them. Never retried and never thrown: a
 * query that fails is not handed to the browser, which then fetches it itself (and shows its error).
 */
export async function prefetch(...queries: PrefetchOptions[]): Promise<void> {
  const queryClient = getQueryClient();
  await Promise.all(queries.map((query) => queryClient.prefetchQuery({ ...query, retry: false })));
}

/** The browser's query cache starts with every query prefetched so far in this request. */
export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
