"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { Alert, Card } from "~/components/ui/card";
import { Spinner } from "~/components/ui/spinner";
import { ROLE_LABELS } from "~/server/authz/permissions";
import { useTRPC } from "~/trpc/react";
import { hoursPerWeek, WEEKDAYS } from "../working-hours";
import { useCan, useCurrentStudio } from "./studio-context";

/**
 * The studio's overview. The route composes it with other features' cards: `bench` (the person's own bench,
 * shown right under the studio's name, and while the studio loads) and `plan` (after the setup steps), and
 * owns the page's live feed.
 */
export function StudioHome({ bench, plan }: { bench: ReactNode; plan: ReactNode }) {
  const trpc = useTRPC();
  const current = useCurrentStudio();
  const canEdit = useCan("studio:update");
  // Setting up the studio (catalog, orders, plan) is for admins and owners: assistants get their bench only.
  const canSetUp = useCan("catalog:edit");
  const studio = useQuery(trpc.studio.get.queryOptions({ studioId: current.id }));

  // The bench loads beside the studio (not after it): it is what an assistant opens the home for.
  if (studio.isPending || studio.isError) {
    return (
      <div className="space-y-6">
        {studio.isPending ? <Spinner label="Loading your studio…" /> : <Alert>{studio.error.message}</Alert>}
        {bench}
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
      {bench}
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
      {canSetUp && <GettingStarted canEdit={canEdit} hasHours={data.workingHours.length > 0} />}
      {plan}
    </div>
  );
}

/** The setup steps, each ticked once the studio has done it; the first open one is the one to do next. */
function GettingStarted({ canEdit, hasHours }: { canEdit: boolean; hasHours: boolean }) {
  const trpc = useTRPC();
  const current = useCurrentStudio();
  // Fresh on every visit: the steps are done on other pages.
  const progress = useQuery({ ...trpc.studio.setupProgress.queryOptions({ studioId: current.id }), staleTime: 0 });
  const base = `/s/${current.slug}`;
  const done = progress.data;
  const steps = [
    { key: "stations", done: done?.stations, href: `${base}/stations`, link: "Add stations", text: "Add the stations you work at: solder bench, tumbler, pickle pot…" },
    { key: "designs", done: done?.designs, href: `${base}/catalog`, link: "Open the catalog", text: "Describe your designs: their steps, stations and materials." },
    { key: "orders", done: done?.orders, href: `${base}/orders`, link: "Open orders", text: "Enter or import orders." },
    { key: "plan", done: done?.plan, href: `${base}/plan`, link: "Open the plan", text: "Plan batches and work them at the bench." },
    { key: "team", done: done?.team, href: `${base}/team`, link: "Invite your team", text: "Invite the people who work at the bench, with their hours and stations." },
  ];
  if (done && steps.every((step) => step.done)) return null;
  return (
    <Card title="Getting started" description="Benchflow plans your studio's week in a few steps.">
      <ol className="space-y-3 text-sm" aria-label="Getting started">
        <li className="flex gap-3">
          <Tick />
          <span>
            Studio created{canEdit && hasHours ? " with its working hours" : ""}.{" "}
            {canEdit && (
              <Link href={`${base}/settings`} className="font-medium text-brand-700 hover:underline">
                Review settings
              </Link>
            )}
          </span>
        </li>
        {steps.map((step, index) => (
          <NextStep key={step.key} n={index + 2} done={Boolean(step.done)} href={step.href} link={step.link}>
            {step.text}
          </NextStep>
        ))}
      </ol>
    </Card>
  );
}

function Tick() {
  return (
    <span className="flex size-6 shrink-0 items-center justify-center rounded-full bg-emerald-100 text-emerald-700" aria-label="done">
      ✓
    </span>
  );
}

function NextStep({ n, done, href, link, children }: { n: number; done: boolean; href: string; link: string; children: React.ReactNode }) {
  return (
    <li className="flex gap-3">
      {done ? <Tick /> : <span className="flex size-6 shrink-0 items-center justify-center rounded-full bg-brand-100 text-brand-800" aria-label="to do">{n}</span>}
      <span className={done ? "text-stone-500" : undefined}>
        {children}{" "}
        <Link href={href} className="font-medium text-brand-700 hover:underline">
          {link}
        </Link>
      </span>
    </li>
  );
}
