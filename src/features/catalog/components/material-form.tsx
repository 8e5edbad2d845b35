"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/card";
import { SelectField, TextField } from "~/components/ui/field";
import { useCurrentStudio } from "~/features/studios/components/studio-context";
import { useTRPC } from "~/trpc/react";
import { CATEGORY_LABELS, dollarsToCents, MATERIAL_CATEGORIES, MATERIAL_UNITS, toMilli, UNIT_LABELS } from "../units";

const values = z.object({
  name: z.string().trim().min(1, { message: "Enter a name" }).max(120),
  category: z.enum(MATERIAL_CATEGORIES),
  alloy: z.string().trim().max(60),
  gauge: z.string().trim().max(30),
  unit: z.enum(MATERIAL_UNITS),
  unitCost: z.number({ message: "Enter a unit cost" }).min(0, { message: "Cannot be negative" }),
  reorderPoint: z.number({ message: "Enter a reorder point" }).min(0, { message: "Cannot be negative" }),
  openingStock: z.number({ message: "Enter the stock on hand" }).min(0, { message: "Cannot be negative" }),
});
type Values = z.infer<typeof values>;

export function MaterialForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const studio = useCurrentStudio();
  const create = useMutation(trpc.material.create.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(values),
    defaultValues: { name: "", category: "METAL", alloy: "", gauge: "", unit: "GRAM", unitCost: 0, reorderPoint: 0, openingStock: 0 },
  });
  const e = form.formState.errors;

  const onSubmit = form.handleSubmit(async (v) => {
    setError(null);
    try {
      await create.mutateAsync({
        studioId: studio.id,
        material: { name: v.name, category: v.category, alloy: v.alloy || null, gauge: v.gauge || null, unit: v.unit, unitCostCents: dollarsToCents(v.unitCost), reorderPointMilli: toMilli(v.reorderPoint) },
        openingStockMilli: toMilli(v.openingStock),
      });
      form.reset();
      await queryClient.invalidateQueries({ queryKey: trpc.material.pathKey() });
    } catch (cause) {
      setError((cause as Error).message);
    }
  });

  return (
    <Card title="Add a material" description="Quantities are in the material's unit; cost is per unit.">
      <form onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <TextField label="Material name" {...form.register("name")} error={e.name?.message} />
        <SelectField label="Category" {...form.register("category")}>
          {MATERIAL_CATEGORIES.map((c) => <option key={c} value={c}>{CATEGORY_LABELS[c]}</option>)}
        </SelectField>
        <TextField label="Alloy" placeholder="925, 14k GF…" {...form.register("alloy")} error={e.alloy?.message} />
        <TextField label="Gauge" placeholder="22" {...form.register("gauge")} error={e.gauge?.message} />
        <SelectField label="Unit" {...form.register("unit")}>
          {MATERIAL_UNITS.map((u) => <option key={u} value={u}>{UNIT_LABELS[u]}</option>)}
        </SelectField>
        <TextField label="Unit cost ($)" type="number" step="0.01" min="0" {...form.register("unitCost", { valueAsNumber: true })} error={e.unitCost?.message} />
        <TextField label="Reorder point" type="number" step="0.001" min="0" {...form.register("reorderPoint", { valueAsNumber: true })} error={e.reorderPoint?.message} />
        <TextField label="On hand now" type="number" step="0.001" min="0" {...form.register("openingStock", { valueAsNumber: true })} error={e.openingStock?.message} />
        <div className="sm:col-span-2 lg:col-span-4">
          <Button type="submit" loading={form.formState.isSubmitting}>Add material</Button>
        </div>
        {error && <div className="sm:col-span-2 lg:col-span-4"><Alert>{error}</Alert></div>}
      </form>
    </Card>
  );
}
