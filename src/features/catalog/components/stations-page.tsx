"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { Alert, Card, EmptyState } from "~/components/ui/card";
import { SelectField, TextField } from "~/components/ui/field";
import { Spinner } from "~/components/ui/spinner";
import { useCan, useCurrentStudio } from "~/features/studios/components/studio-context";
import { useTRPC } from "~/trpc/react";
import { minutesToSeconds, secondsToMinutes, STATION_KIND_LABELS, STATION_KINDS } from "../units";
import { nullableNumber } from "./design-form-schema";
import { DataTable, Td } from "./table";

const values = z
  .object({
    name: z.string().trim().min(1, { message: "Enter a name" }).max(120),
    kind: z.enum(STATION_KINDS),
    count: z.number({ message: "Enter a count" }).int({ message: "Use a whole number" }).min(1, { message: "At least 1" }),
    unattended: z.boolean(),
    loadCapacity: z.number().int().min(1, { message: "At least 1 piece" }).nullable(),
    runMinutes: z.number().positive({ message: "Must be positive" }).nullable(),
  })
  .superRefine((v, ctx) => {
    if (v.unattended && v.loadCapacity === null) ctx.addIssue({ code: "custom", path: ["loadCapacity"], message: "Unattended stations need a load capacity" });
    if (v.unattended && v.runMinutes === null) ctx.addIssue({ code: "custom", path: ["runMinutes"], message: "Unattended stations need a run time" });
  });
type Values = z.infer<typeof values>;

export function StationsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const studio = useCurrentStudio();
  const canEdit = useCan("catalog:edit");
  const stations = useQuery(trpc.station.list.queryOptions({ studioId: studio.id }));
  const create = useMutation(trpc.station.create.mutationOptions());
  const archive = useMutation(trpc.station.setArchived.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(values),
    defaultValues: { name: "", kind: "SOLDER_BENCH", count: 1, unattended: false, loadCapacity: null, runMinutes: null },
  });
  const unattended = useWatch({ control: form.control, name: "unattended" });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.station.list.queryKey({ studioId: studio.id }) });

  const onSubmit = form.handleSubmit(async (v) => {
    setError(null);
    try {
      await create.mutateAsync({
        studioId: studio.id,
        station: { name: v.name, kind: v.kind, count: v.count, unattended: v.unattended, loadCapacity: v.unattended ? v.loadCapacity : null, runSeconds: v.unattended && v.runMinutes ? minutesToSeconds(v.runMinutes) : null },
      });
      form.reset();
      await refresh();
    } catch (cause) {
      setError((cause as Error).message);
    }
  });

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Stations</h1>
      {stations.isPending ? (
        <Spinner label="Loading stations…" />
      ) : stations.isError ? (
        <Alert>{stations.error.message}</Alert>
      ) : stations.data.length === 0 ? (
        <EmptyState title="No stations yet">What your studio works at: solder bench, rolling mill, tumbler, pickle pot…</EmptyState>
      ) : (
        <DataTable caption="Stations" headers={["Station", "Kind", "Count", "Unattended", ""]}>
          {stations.data.map((s) => (
            <tr key={s.id} className={s.archivedAt ? "text-stone-400" : ""}>
              <Td className="font-medium">{s.name}{s.archivedAt && " (archived)"}</Td>
              <Td>{STATION_KIND_LABELS[s.kind]}</Td>
              <Td>{s.count}</Td>
              <Td>{s.unattended ? `${s.loadCapacity} pcs / ${secondsToMinutes(s.runSeconds ?? 0)} min` : "—"}</Td>
              <Td>
                {canEdit && (
                  <Button type="button" variant="ghost" onClick={async () => { await archive.mutateAsync({ studioId: studio.id, id: s.id, archived: !s.archivedAt }); await refresh(); }}>
                    {s.archivedAt ? "Restore" : "Archive"}
                  </Button>
                )}
              </Td>
            </tr>
          ))}
        </DataTable>
      )}
      {canEdit && (
        <Card title="Add a station">
          <form onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-3">
            <TextField label="Station name" {...form.register("name")} error={form.formState.errors.name?.message} />
            <SelectField label="Kind" {...form.register("kind")}>
              {STATION_KINDS.map((k) => (
                <option key={k} value={k}>{STATION_KIND_LABELS[k]}</option>
              ))}
            </SelectField>
            <TextField label="How many in parallel" type="number" min="1" {...form.register("count", { valueAsNumber: true })} error={form.formState.errors.count?.message} />
            <label className="flex items-center gap-2 text-sm text-stone-700 sm:col-span-3">
              <input type="checkbox" className="size-4" {...form.register("unattended")} /> Runs unattended (machine: tumbler, pickle pot…)
            </label>
            {unattended && (
              <>
                <TextField label="Load capacity (pieces)" type="number" min="1" {...form.register("loadCapacity", nullableNumber)} error={form.formState.errors.loadCapacity?.message} />
                <TextField label="Run time (minutes)" type="number" min="1" {...form.register("runMinutes", nullableNumber)} error={form.formState.errors.runMinutes?.message} />
              </>
            )}
            <div className="sm:col-span-3">
              <Button type="submit" loading={form.formState.isSubmitting}>Add station</Button>
            </div>
            {error && <div className="sm:col-span-3"><Alert>{error}</Alert></div>}
          </form>
        </Card>
      )}
    </div>
  );
}
