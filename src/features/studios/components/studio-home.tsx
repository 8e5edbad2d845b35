"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Alert, Card } from "~/components/ui/card";
import { Spinner } from "~/components/ui/spinner";
import { ROLE_LABELS } from "~/server/authz/permissions";
import { useTRPC } from "~/trpc/react";
import { useStudioLive } from "./use-studio-live";
import { YourBench } from "~/features/bench/components/your-bench";
import { PlanSavingsCard } from "~/features/planning/components/plan-savings-card";
import { hoursPerWeek, WEEKDAYS } from "../working-hours";
import { useCan, useCurrentStudio } from "./studio-context";

export function StudioHome() {
  const trpc = useTRPC();
  const current = useCurrentStudio();
  const canEdit = useCan("studio:update");
  // Setting up the studio (catalog, orders, plan) is for admins and owners: assistants get their bench only.
  const canSetUp = useCan("catalog:edit");
  const studio = useQuery(trpc.studio.get.queryOptions({ studioId: current.id }));
  // One live feed for the whole home: settings changes, bench events and re-plans for "Your bench".
  useStudioLive(
    ["studio.", "bench.", "plan."],
    [trpc.studio.get.queryKey({ studioId: current.id }), trpc.bench.mine.queryKey({ studioId: current.id }), trpc.bench.queue.queryKey({ studioId: current.id }), trpc.planning.summary.queryKey({ studioId: current.id })],
  );

  // "Your bench" loads beside the studio (not after it): it is what an assistant opens the home for.
  if (studio.isPending || studio.isError) {
    return (
      <div className="space-y-6">
        {studio.isPending ? <Spinner label="Loading your studio…" /> : <Alert>{studio.error.message}</Alert>}
        <YourBench />
      </div>
    );
  }
  const data = studio.data;
  const days = [...new Set(data.workingHours.map((interval) => interval.weekday))];

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-stone-500">You are {ROLE_LABELS[data.role].toLowerCase()} of</p>
        <h1 className="text-3xl font-semibold tracking-tight">{data.name}</h1>
      </div>
      <YourBench />
      <div className="grid gap-4 sm:grid-cols-3">
        <Card title="Bench hours">
          <p className="text-2xl font-semibold">{hoursPerWeek(data.workingHours)} h / week</p>
          <p className="mt-1 text-sm text-stone-600">
            {days.length ? days.map((day) => WEEKDAYS[day]!.slice(0, 3)).join(", ") : "No working days set"}
          </p>
        </Card>
        <Card title="Time zone">
          <p className="text-2xl font-semibold">{data.timeZone}</p>
        </Card>
        <Card title="Team">
          <p className="text-2xl font-semibold">
            {data.memberCount} {data.memberCount === 1 ? "person" : "people"}
          </p>
        </Card>
      </div>
      {canSetUp && (
        <Card title="Getting started" description="Benchflow plans your studio's week in a few steps.">
          <ol className="space-y-3 text-sm">
            <li className="flex gap-3">
              <span className="flex size-6 items-center justify-center rounded-full bg-emerald-100 text-emerald-700" aria-label="done">
                ✓
              </span>
              <span>
                Studio created{canEdit && data.workingHours.length > 0 ? " with its working hours" : ""}.{" "}
                {canEdit && (
                  <Link href={`/s/${current.slug}/settings`} className="font-medium text-brand-700 hover:underline">
                    Review settings
                  </Link>
                )}
              </span>
            </li>
            <NextStep n={2} href={`/s/${current.slug}/catalog`} link="Open the catalog">Describe your designs: their steps, stations and materials.</NextStep>
            <NextStep n={3} href={`/s/${current.slug}/orders`} link="Open orders">Enter or import orders.</NextStep>
            <NextStep n={4} href={`/s/${current.slug}/plan`} link="Open the plan">Plan batches and work them at the bench.</NextStep>
          </ol>
        </Card>
      )}
      <PlanSavingsCard />
    </div>
  );
}

function NextStep({ n, href, link, children }: { n: number; href: string; link: string; children: React.ReactNode }) {
  return (
    <li className="flex gap-3">
      <span className="flex size-6 items-center justify-center rounded-full bg-brand-100 text-brand-800">{n}</span>
      <span>
        {children}{" "}
        <Link href={href} className="font-medium text-brand-700 hover:underline">
          {link}
        </Link>
      </span>
    </li>
  );
}
