"use client";

import { useFieldArray, useWatch, type UseFormReturn } from "react-hook-form";
import { Button } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { UNIT_LABELS, type MaterialUnitName } from "~/lib/units";
import { suggestVariantSku } from "../variant-skus";
import type { DesignValues } from "./design-form-schema";
import { VariantGenerator } from "./variant-generator";

type Material = { id: string; name: string; unit: MaterialUnitName };

function BomEditor({ form, index, materials }: { form: UseFormReturn<DesignValues>; index: number; materials: Material[] }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: `variants.${index}.bom` });
  const errors = form.formState.errors.variants?.[index]?.bom;
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium text-stone-700">Bill of materials (per piece)</p>
      {fields.length === 0 && <p className="text-sm text-stone-500">No materials yet.</p>}
      {fields.map((field, line) => {
        const materialId = form.watch(`variants.${index}.bom.${line}.materialId`);
        const unit = materials.find((m) => m.id === materialId)?.unit;
        const steps = form.watch("steps");
        return (
          <div key={field.id} className="grid items-end gap-2 sm:grid-cols-[1fr_10rem_12rem_auto]">
            <SelectField label={`Material ${line + 1}`} {...form.register(`variants.${index}.bom.${line}.materialId`)} error={errors?.[line]?.materialId?.message}>
              <option value="">Choose…</option>
              {materials.map((m) => (
                <option key={m.id} value={m.id}>{m.name}</option>
              ))}
            </SelectField>
            <TextField label={`Quantity${unit ? ` (${UNIT_LABELS[unit]})` : ""}`} type="number" step="0.001" min="0" {...form.register(`variants.${index}.bom.${line}.quantity`, { valueAsNumber: true })} error={errors?.[line]?.quantity?.message} />
            <SelectField
              label="Used at step"
              {...form.register(`variants.${index}.bom.${line}.stepPosition`, { setValueAs: (value: unknown) => (value === "" || value === null || value === undefined ? null : Number(value)) })}
              error={errors?.[line]?.stepPosition?.message}
            >
              <option value="">First step</option>
              {steps.map((step, position) => (
                <option key={position} value={position}>{`${position + 1}. ${step.name || "(unnamed)"}`}</option>
              ))}
            </SelectField>
            <Button type="button" variant="ghost" onClick={() => remove(line)} aria-label={`Remove material ${line + 1}`}>Remove</Button>
          </div>
        );
      })}
      <Button type="button" variant="secondary" onClick={() => append({ materialId: "", quantity: 1, stepPosition: null })}>Add material</Button>
    </div>
  );
}

export function VariantsEditor({ form, materials }: { form: UseFormReturn<DesignValues>; materials: Material[] }) {
  const { fields, append, remove, replace } = useFieldArray({ control: form.control, name: "variants" });
  const errors = form.formState.errors.variants;
  const designSku = useWatch({ control: form.control, name: "sku" });
  const variantNames = useWatch({ control: form.control, name: "variants" });
  const addGenerated = (generated: Array<{ name: string; sku: string }>) => {
    const current = form.getValues("variants");
    const bom = current[0]?.bom ?? [];
    const made = generated.map((v) => ({ name: v.name, sku: v.sku, overrides: [], bom: bom.map((line) => ({ ...line })) }));
    // The untouched starting variant ("Standard", no materials) gives way to the generated ones.
    const untouched = current.length === 1 && current[0]!.name === "Standard" && !current[0]!.sku && current[0]!.bom.length === 0;
    const names = new Set(current.map((v) => v.name.trim().toLowerCase()));
    if (untouched) replace(made);
    else append(made.filter((v) => !names.has(v.name.toLowerCase())));
  };
  return (
    <fieldset className="space-y-3">
      <legend className="text-base font-semibold text-stone-900">Variants</legend>
      <p className="text-sm text-stone-600">e.g. metal × size. Each variant has its own bill of materials, and the SKU your shop lists it as (empty: made from the design SKU and the name).</p>
      <VariantGenerator designSku={designSku} onGenerate={addGenerated} />
      {errors?.message && <p role="alert" className="text-sm text-red-600">{errors.message}</p>}
      {errors?.root?.message && <p role="alert" className="text-sm text-red-600">{errors.root.message}</p>}
      {fields.map((field, index) => (
        <div key={field.id} className="space-y-3 rounded-lg border border-stone-200 p-3">
          <div className="grid items-end gap-2 sm:grid-cols-[1fr_14rem_auto]">
            <TextField label={`Variant ${index + 1} name`} placeholder="Sterling / size 7" {...form.register(`variants.${index}.name`)} error={errors?.[index]?.name?.message} />
            <TextField
              label={`Variant ${index + 1} SKU`}
              placeholder={suggestVariantSku(designSku || "SKU", variantNames?.[index]?.name ?? "")}
              {...form.register(`variants.${index}.sku`)}
              error={errors?.[index]?.sku?.message}
            />
            <Button type="button" variant="ghost" onClick={() => remove(index)} aria-label={`Remove variant ${index + 1}`}>Remove</Button>
          </div>
          <BomEditor form={form} index={index} materials={materials} />
        </div>
      ))}
      <Button type="button" variant="secondary" onClick={() => append({ name: "", sku: "", overrides: [], bom: [] })}>Add variant</Button>
    </fieldset>
  );
}
