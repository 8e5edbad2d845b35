"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/card";
import { SelectField, TextField } from "~/components/ui/field";
import { useCurrentStudio, useStudioFormat } from "~/features/studios/components/studio-context";
import { useTRPC } from "~/trpc/react";
import { CATEGORY_LABELS, currencySymbol, fromMilli, MATERIAL_CATEGORIES, MATERIAL_UNITS, moneyToCents, toMilli, UNIT_LABELS, unitsFor, type MaterialUnitName } from "~/lib/units";

const values = z.object({
  name: z.string().trim().min(1, { message: "Enter a name" }).max(120, { message: "Use at most 120 characters" }),
  category: z.enum(MATERIAL_CATEGORIES),
  alloy: z.string().trim().max(60, { message: "Use at most 60 characters" }),
  gauge: z.string().trim().max(30, { message: "Use at most 30 characters" }),
  unit: z.enum(MATERIAL_UNITS),
  unitCost: z.number({ message: "Enter a unit cost" }).min(0, { message: "Cannot be negative" }),
  reorderPoint: z.number({ message: "Enter a reorder point" }).min(0, { message: "Cannot be negative" }),
  openingStock: z.number({ message: "Enter the stock on hand" }).min(0, { message: "Cannot be negative" }),
});
type Values = z.infer<typeof values>;

export type EditableMaterial = {
  id: string; name: string; category: (typeof MATERIAL_CATEGORIES)[number]; alloy: string | null; gauge: string | null; unit: MaterialUnitName;
  unitCostCents: number; reorderPointMilli: number; version: number;
};


/** Adds a material with its opening stock, or edits `editing` (stock moves through the ledger, not here). */
export function MaterialForm({ editing, onDone }: { editing?: EditableMaterial | null; onDone?: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const studio = useCurrentStudio();
  const format = useStudioFormat();
  const EMPTY: Values = { name: "", category: "METAL", alloy: "", gauge: "", unit: unitsFor(format.unitSystem)[0]!, unitCost: 0, reorderPoint: 0, openingStock: 0 };
  const create = useMutation(trpc.materials.create.mutationOptions());
  const update = useMutation(trpc.materials.update.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  // The page remounts this form (key) for each material it edits.
  const form = useForm<Values>({
    resolver: zodResolver(values),
    defaultValues: editing
      ? { name: editing.name, category: editing.category, alloy: editing.alloy ?? "", gauge: editing.gauge ?? "", unit: editing.unit, unitCost: editing.unitCostCents / 100, reorderPoint: fromMilli(editing.reorderPointMilli), openingStock: 0 }
      : EMPTY,
  });
  const e = form.formState.errors;

  const onSubmit = form.handleSubmit(async (v) => {
    setError(null);
    const material = { name: v.name, category: v.category, alloy: v.alloy || null, gauge: v.gauge || null, unit: v.unit, unitCostCents: moneyToCents(v.unitCost), reorderPointMilli: toMilli(v.reorderPoint) };
    try {
      if (editing) await update.mutateAsync({ studioId: studio.id, id: editing.id, expectedVersion: editing.version, material });
      else await create.mutateAsync({ studioId: studio.id, material, openingStockMilli: toMilli(v.openingStock) });
      form.reset(EMPTY);
      await queryClient.invalidateQueries({ queryKey: trpc.materials.pathKey() });
      onDone?.();
    } catch (cause) {
      setError((cause as Error).message);
    }
  });

  return (
    <Card title={editing ? `Edit ${editing.name}` : "Add a material"} description="Quantities are in the material's unit; cost is per unit.">
      <form onSubmit={onSubmit} onChange={() => error && setError(null)} noValidate className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <TextField label="Material name" {...form.register("name")} error={e.name?.message} />
        <SelectField label="Category" {...form.register("category")}>
          {MATERIAL_CATEGORIES.map((c) => <option key={c} value={c}>{CATEGORY_LABELS[c]}</option>)}
        </SelectField>
        <TextField label="Alloy" placeholder="925, 14k GF…" {...form.register("alloy")} error={e.alloy?.message} />
        <TextField label="Gauge" placeholder="22" {...form.register("gauge")} error={e.gauge?.message} />
        <SelectField label="Unit" {...form.register("unit")}>
          {unitsFor(format.unitSystem).map((u) => <option key={u} value={u}>{UNIT_LABELS[u]}</option>)}
        </SelectField>
        <TextField label={`Unit cost (${currencySymbol(format)})`} type="number" step="0.01" min="0" {...form.register("unitCost", { valueAsNumber: true })} error={e.unitCost?.message} />
        <TextField label="Reorder point" type="number" step="0.001" min="0" {...form.register("reorderPoint", { valueAsNumber: true })} error={e.reorderPoint?.message} />
        {!editing && <TextField label="On hand now" type="number" step="0.001" min="0" {...form.register("openingStock", { valueAsNumber: true })} error={e.openingStock?.message} />}
        <div className="flex flex-wrap gap-2 sm:col-span-2 lg:col-span-4">
          <Button type="submit" loading={form.formState.isSubmitting}>{editing ? "Save material" : "Add material"}</Button>
          {editing && <Button type="button" variant="ghost" onClick={() => onDone?.()}>Cancel</Button>}
        </div>
        {error && <div className="sm:col-span-2 lg:col-span-4"><Alert>{error}</Alert></div>}
      </form>
    </Card>
  );
}
