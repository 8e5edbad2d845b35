"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/card";
import { DayRangeForm } from "~/features/studios/components/day-range-form";
import { useCurrentStudio } from "~/features/studios/components/studio-context";
import { dayRowSchema, toDayRows, toIntervals, WorkingHoursEditor, type DayRow } from "~/features/studios/components/working-hours-editor";
import { DEFAULT_WORKING_HOURS, type WorkingInterval } from "~/features/studios/working-hours";
import { useTRPC } from "~/trpc/react";

export type Availability = {
  workingHours: WorkingInterval[] | null;
  skillsLimited: boolean;
  stationIds: string[];
  timeOff: Array<{ id: string; firstDay: string; lastDay: string; note: string }>;
};

const formSchema = z.object({
  ownHours: z.boolean(),
  days: z.array(dayRowSchema).length(7),
  skillsLimited: z.boolean(),
  stationIds: z.array(z.string()),
});
type Values = { ownHours: boolean; days: DayRow[]; skillsLimited: boolean; stationIds: string[] };

/** Admins set a person's own hours, the stations they work at, and their days off. */
export function AvailabilityPanel({ member }: { member: { id: string; version: number; name: string; availability: Availability } }) {
  const trpc = useTRPC();
  const studio = useCurrentStudio();
  const queryClient = useQueryClient();
  const stations = useQuery(trpc.stations.list.queryOptions({ studioId: studio.id }));
  const save = useMutation(trpc.team.updateAvailability.mutationOptions());
  const addTimeOff = useMutation(trpc.team.addTimeOff.mutationOptions());
  const removeTimeOff = useMutation(trpc.team.removeTimeOff.mutationOptions());
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const a = member.availability;
  const form = useForm<Values>({
    resolver: zodResolver(formSchema) as never,
    defaultValues: { ownHours: a.workingHours !== null, days: toDayRows(a.workingHours ?? DEFAULT_WORKING_HOURS), skillsLimited: a.skillsLimited, stationIds: a.stationIds },
  });
  const ownHours = useWatch({ control: form.control, name: "ownHours" });
  const skillsLimited = useWatch({ control: form.control, name: "skillsLimited" });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.team.list.queryKey({ studioId: studio.id }) });

  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    try {
      await save.mutateAsync({
        studioId: studio.id,
        membershipId: member.id,
        expectedVersion: member.version,
        workingHours: values.ownHours ? toIntervals(values.days) : null,
        skills: { limited: values.skillsLimited, stationIds: values.skillsLimited ? values.stationIds : [] },
      });
      setMessage({ tone: "success", text: `Saved. The next plan uses ${member.name}'s hours and stations.` });
    } catch (cause) {
      setMessage({ tone: "error", text: (cause as Error).message });
    }
    await refresh();
  });

  const active = stations.data?.filter((s) => !s.archivedAt) ?? [];
  return (
    <div className="space-y-5 rounded-lg bg-stone-50 p-3" aria-label={`Availability of ${member.name}`} role="group">
      <form onSubmit={onSubmit} onChange={() => message?.tone === "error" && setMessage(null)} noValidate className="space-y-4">
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-stone-800">Hours</legend>
          <label className="flex items-center gap-2 text-sm"><input type="radio" className="size-4" checked={!ownHours} onChange={() => form.setValue("ownHours", false, { shouldDirty: true })} /> The studio&apos;s working hours</label>
          <label className="flex items-center gap-2 text-sm"><input type="radio" className="size-4" checked={ownHours} onChange={() => form.setValue("ownHours", true, { shouldDirty: true })} /> Own hours</label>
          {ownHours && <WorkingHoursEditor register={form.register as never} errors={form.formState.errors.days} label={`${member.name}'s hours`} hint="The planner gives this person work only inside these hours." />}
        </fieldset>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-stone-800">Stations</legend>
          <label className="flex items-center gap-2 text-sm"><input type="radio" className="size-4" checked={!skillsLimited} onChange={() => form.setValue("skillsLimited", false, { shouldDirty: true })} /> Works at every station</label>
          <label className="flex items-center gap-2 text-sm"><input type="radio" className="size-4" checked={skillsLimited} onChange={() => form.setValue("skillsLimited", true, { shouldDirty: true })} /> Only at these stations</label>
          {skillsLimited && (
            <div className="flex flex-wrap gap-x-4 gap-y-2 pl-6">
              {stations.isPending && <span className="text-sm text-stone-500">Loading stations…</span>}
              {active.map((s) => (
                <label key={s.id} className="flex items-center gap-2 text-sm"><input type="checkbox" value={s.id} className="size-4" {...form.register("stationIds")} /> {s.name}</label>
              ))}
              {stations.isSuccess && active.length === 0 && <span className="text-sm text-stone-500">No stations yet.</span>}
              <p className="w-full text-xs text-stone-500">With no station ticked, this person is not given bench work.</p>
            </div>
          )}
        </fieldset>
        <Button type="submit" variant="secondary" loading={form.formState.isSubmitting}>Save hours and stations</Button>
        {message && <Alert tone={message.tone}>{message.text}</Alert>}
      </form>
      <section className="space-y-2" aria-label={`Days off of ${member.name}`}>
        <h4 className="text-sm font-medium text-stone-800">Days off</h4>
        {a.timeOff.length === 0 ? (
          <p className="text-sm text-stone-500">None coming up.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {a.timeOff.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-2">
                <span>{t.firstDay === t.lastDay ? t.firstDay : `${t.firstDay} – ${t.lastDay}`}{t.note && ` · ${t.note}`}</span>
                <Button variant="ghost" loading={removeTimeOff.isPending && removeTimeOff.variables?.timeOffId === t.id} onClick={async () => { await removeTimeOff.mutateAsync({ studioId: studio.id, timeOffId: t.id }); await refresh(); }}>
                  Remove
                </Button>
              </li>
            ))}
          </ul>
        )}
        <DayRangeForm
          submitLabel="Add days off"
          labelField={{ label: "Note", placeholder: "Holiday, course…", required: false }}
          onAdd={async (range, label) => {
            await addTimeOff.mutateAsync({ studioId: studio.id, membershipId: member.id, range, note: label });
            await refresh();
          }}
        />
      </section>
    </div>
  );
}
