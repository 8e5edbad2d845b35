"use client";

import { useFieldArray, type UseFormReturn } from "react-hook-form";
import { Button } from "~/components/ui/button";
import { nullableNumber, SelectField, TextField } from "~/components/ui/field";
import { emptyStep, type DesignValues } from "./design-form-schema";

type Station = { id: string; name: string; unattended: boolean; archivedAt: Date | null };

export function StepsEditor({ form, stations }: { form: UseFormReturn<DesignValues>; stations: Station[] }) {
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: "steps" });
  const errors = form.formState.errors.steps;
  return (
    <fieldset className="space-y-3">
      <legend className="text-base font-semibold text-stone-900">Routing</legend>
      <p className="text-sm text-stone-600">The steps in order. Setup is per batch; steps with the same batch family can share a batch across designs.</p>
      {errors?.root?.message && <p role="alert" className="text-sm text-red-600">{errors.root.message}</p>}
      {errors?.message && <p role="alert" className="text-sm text-red-600">{errors.message}</p>}
      <ol className="space-y-3">
        {fields.map((field, index) => {
          const e = errors?.[index];
          const batchable = form.watch(`steps.${index}.batchable`);
          return (
            <li key={field.id} className="rounded-lg border border-stone-200 p-3">
              <div className="mb-2 flex items-center justify-between gap-2">
                <span className="text-sm font-medium text-stone-700">Step {index + 1}</span>
                <div className="flex gap-1">
                  <Button type="button" variant="ghost" disabled={index === 0} onClick={() => move(index, index - 1)} aria-label={`Move step ${index + 1} up`}>↑</Button>
                  <Button type="button" variant="ghost" disabled={index === fields.length - 1} onClick={() => move(index, index + 1)} aria-label={`Move step ${index + 1} down`}>↓</Button>
                  <Button type="button" variant="ghost" onClick={() => remove(index)} aria-label={`Remove step ${index + 1}`}>Remove</Button>
                </div>
              </div>
              <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
                <TextField label="Step name" {...form.register(`steps.${index}.name`)} error={e?.name?.message} />
                <SelectField label="Station" {...form.register(`steps.${index}.stationId`)} error={e?.stationId?.message}>
                  <option value="">Choose…</option>
                  {stations.filter((s) => !s.archivedAt || s.id === form.getValues(`steps.${index}.stationId`)).map((station) => (
                    <option key={station.id} value={station.id}>{station.name}</option>
                  ))}
                </SelectField>
                <TextField label="Setup (min per batch)" type="number" step="0.1" min="0" {...form.register(`steps.${index}.setupMinutes`, { valueAsNumber: true })} error={e?.setupMinutes?.message} />
                <TextField label="Minutes per piece" type="number" step="0.1" min="0" {...form.register(`steps.${index}.minutesPerPiece`, { valueAsNumber: true })} error={e?.minutesPerPiece?.message} />
                <label className="flex items-center gap-2 text-sm text-stone-700">
                  <input type="checkbox" className="size-4" {...form.register(`steps.${index}.batchable`)} /> Batch across designs
                </label>
                <TextField label="Batch family" placeholder="e.g. 22ga sterling cutting" disabled={!batchable} {...form.register(`steps.${index}.batchFamily`)} error={e?.batchFamily?.message} />
                <TextField label="Max batch size" type="number" min="1" {...form.register(`steps.${index}.maxBatchSize`, nullableNumber)} error={e?.maxBatchSize?.message} />
                <TextField label="Unattended run (min)" type="number" min="0" step="1" hint="Machine steps only" {...form.register(`steps.${index}.unattendedMinutes`, nullableNumber)} error={e?.unattendedMinutes?.message} />
              </div>
            </li>
          );
        })}
      </ol>
      <Button type="button" variant="secondary" onClick={() => append({ ...emptyStep })}>Add step</Button>
    </fieldset>
  );
}
