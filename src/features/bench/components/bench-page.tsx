"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Alert, EmptyState } from "~/components/ui/card";
import { Spinner } from "~/components/ui/spinner";
import { useCurrentStudio } from "~/features/studios/components/studio-context";
import { useStudioLive } from "~/features/studios/components/use-studio-live";
import { useStudioTime } from "~/features/studios/components/use-studio-time";
import { useTRPC } from "~/trpc/react";
import { BatchCard } from "./batch-card";

const SECTIONS = [
  { key: "mine", title: "Mine" },
  { key: "open", title: "Open to claim" },
  { key: "others", title: "Taken by others" },
] as const;

/** "My bench": today's queue, mine first, then open to claim; refreshes live when anyone reports. */
export function BenchPage() {
  const trpc = useTRPC();
  const studio = useCurrentStudio();
  const queue = useQuery(trpc.bench.queue.queryOptions({ studioId: studio.id }));
  const clock = useStudioTime();
  // Claims and reports ("bench."), re-plans and board edits ("plan.") reach the bench without a reload.
  useStudioLive(["bench.", "plan."], [trpc.bench.queue.queryKey(), trpc.bench.batch.queryKey()]);
  // Opened from a batch on the studio home (/bench#batch-<id>): scroll to its card once the queue is here.
  const scrolled = useRef(false);
  useEffect(() => {
    if (!queue.data || scrolled.current) return;
    scrolled.current = true;
    const hash = window.location.hash.slice(1);
    if (hash.startsWith("batch-")) document.getElementById(hash)?.scrollIntoView({ block: "start" });
  }, [queue.data]);

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">My bench</h1>
      {queue.data?.nextDay && (
        <p className="rounded-lg bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="next-day">
          Nothing left to claim today. Next up: {clock.date(queue.data.nextDay)}.
        </p>
      )}
      {queue.isPending && <Spinner label="Loading today's queue…" />}
      {queue.isError && <Alert>{queue.error.message}</Alert>}
      {queue.data && queue.data.cards.length === 0 && queue.data.done.length === 0 && (
        <EmptyState title="Nothing on the bench today">Batches show up here once the plan schedules them for today.</EmptyState>
      )}
      {queue.data &&
        SECTIONS.map(({ key, title }) => {
          const cards = queue.data.cards.filter((card) => card.section === key);
          if (cards.length === 0) return null;
          return (
            <section key={key} aria-label={title} className="space-y-3">
              <h2 className="text-sm font-semibold uppercase tracking-wide text-stone-500">{title}</h2>
              {cards.map((card) => (
                <BatchCard key={card.batchId} card={card} />
              ))}
            </section>
          );
        })}
      {queue.data && queue.data.done.length > 0 && (
        <section aria-label="Done today" className="space-y-3">
          <h2 className="text-sm font-semibold uppercase tracking-wide text-stone-500">Done today</h2>
          {queue.data.done.map((card) => (
            <BatchCard key={card.batchId} card={card} />
          ))}
        </section>
      )}
    </div>
  );
}
