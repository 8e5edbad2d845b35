"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/card";
import { nullableNumber, SelectField, TextField } from "~/components/ui/field";
import { useCurrentStudio } from "~/features/studios/components/studio-context";
import { useTRPC } from "~/trpc/react";
import { minutesToSeconds, secondsToMinutes, STATION_KIND_LABELS, STATION_KINDS, type StationKindName } from "~/lib/units";

const values = z
  .object({
    name: z.string().trim().min(1, { message: "Enter a name" }).max(120, { message: "Use at most 120 characters" }),
    kind: z.enum(STATION_KINDS),
    count: z.number({ message: "Enter a count" }).int({ message: "Use a whole number" }).min(1, { message: "At least 1" }).max(1000, { message: "At most 1,000" }),
    unattended: z.boolean(),
    loadCapacity: z.number().int({ message: "Use a whole number" }).min(1, { message: "At least 1 piece" }).nullable(),
    runMinutes: z.number().positive({ message: "Must be positive" }).nullable(),
  })
  .superRefine((v, ctx) => {
    if (v.unattended && v.loadCapacity === null) ctx.addIssue({ code: "custom", path: ["loadCapacity"], message: "Unattended stations need a load capacity" });
    if (v.unattended && v.runMinutes === null) ctx.addIssue({ code: "custom", path: ["runMinutes"], message: "Unattended stations need a run time" });
  });
type Values = z.infer<typeof values>;

export type EditableStation = {
  id: string; name: string; kind: StationKindName; count: number; unattended: boolean; loadCapacity: number | null; runSeconds: number | null; version: number;
};

const EMPTY: Values = { name: "", kind: "SOLDER_BENCH", count: 1, unattended: false, loadCapacity: null, runMinutes: null };
const toValues = (s: EditableStation): Values => ({
  name: s.name, kind: s.kind, count: s.count, unattended: s.unattended, loadCapacity: s.loadCapacity, runMinutes: s.runSeconds === null ? null : secondsToMinutes(s.runSeconds),
});

/** Adds a station, or edits `editing` (version-checked: a stale edit says so). */
export function StationForm({ editing, onDone }: { editing: EditableStation | null; onDone: () => Promise<unknown> | void }) {
  const trpc = useTRPC();
  const studio = useCurrentStudio();
  const create = useMutation(trpc.stations.create.mutationOptions());
  const update = useMutation(trpc.stations.update.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  // The page remounts this form (key) for each station it edits.
  const form = useForm<Values>({ resolver: zodResolver(values), defaultValues: editing ? toValues(editing) : EMPTY });
  const unattended = useWatch({ control: form.control, name: "unattended" });

  // Machine fields only exist for unattended stations: their errors go when the box is unticked.
  useEffect(() => {
    if (!unattended) form.clearErrors(["loadCapacity", "runMinutes"]);
  }, [unattended, form]);

  const onSubmit = form.handleSubmit(async (v) => {
    setError(null);
    const station = { name: v.name, kind: v.kind, count: v.count, unattended: v.unattended, loadCapacity: v.unattended ? v.loadCapacity : null, runSeconds: v.unattended && v.runMinutes ? minutesToSeconds(v.runMinutes) : null };
    try {
      if (editing) await update.mutateAsync({ studioId: studio.id, id: editing.id, expectedVersion: editing.version, station });
      else await create.mutateAsync({ studioId: studio.id, station });
      form.reset(EMPTY);
      await onDone();
    } catch (cause) {
      setError((cause as Error).message);
    }
  });
  const e = form.formState.errors;

  return (
    <Card title={editing ? `Edit ${editing.name}` : "Add a station"}>
      <form onSubmit={onSubmit} onChange={() => error && setError(null)} noValidate className="grid gap-3 sm:grid-cols-3">
        <TextField label="Station name" {...form.register("name")} error={e.name?.message} />
        <SelectField label="Kind" {...form.register("kind")}>
          {STATION_KINDS.map((k) => (
            <option key={k} value={k}>{STATION_KIND_LABELS[k]}</option>
          ))}
        </SelectField>
        <TextField label="How many in parallel" type="number" min="1" {...form.register("count", { valueAsNumber: true })} error={e.count?.message} />
        <label className="flex items-center gap-2 text-sm text-stone-700 sm:col-span-3">
          <input type="checkbox" className="size-4" {...form.register("unattended")} /> Runs unattended (machine: tumbler, pickle pot…)
        </label>
        {unattended && (
          <>
            <TextField label="Load capacity (pieces)" type="number" min="1" {...form.register("loadCapacity", nullableNumber)} error={e.loadCapacity?.message} />
            <TextField label="Run time (minutes)" type="number" min="1" {...form.register("runMinutes", nullableNumber)} error={e.runMinutes?.message} />
          </>
        )}
        <div className="flex flex-wrap gap-2 sm:col-span-3">
          <Button type="submit" loading={form.formState.isSubmitting}>{editing ? "Save station" : "Add station"}</Button>
          {editing && <Button type="button" variant="ghost" onClick={() => onDone()}>Cancel</Button>}
        </div>
        {error && <div className="sm:col-span-3"><Alert>{error}</Alert></div>}
      </form>
    </Card>
  );
}
