"use client";

import { useState } from "react";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { generateVariants, parseOptionValues } from "../variant-skus";

type Option = { name: string; values: string };

/**
 * Makes variants from options (e.g. metal × size × finish): every combination, named "Sterling / 7 /
 * Polished" with the SKU "<design SKU>-STERLING-7-POLISHED" (or the codes given as "Sterling=SS").
 */
export function VariantGenerator({ designSku, onGenerate }: { designSku: string; onGenerate: (variants: Array<{ name: string; sku: string }>) => void }) {
  const [options, setOptions] = useState<Option[]>([
    { name: "Metal", values: "" },
    { name: "Size", values: "" },
  ]);
  const parsed = options.map((option) => ({ name: option.name, values: parseOptionValues(option.values) }));
  const variants = generateVariants(designSku || "SKU", parsed);
  const set = (index: number, patch: Partial<Option>) => setOptions(options.map((option, i) => (i === index ? { ...option, ...patch } : option)));
  return (
    <section className="space-y-3 rounded-lg border border-dashed border-stone-300 p-3" aria-label="Generate variants">
      <div>
        <h3 className="text-sm font-semibold text-stone-800">Generate variants</h3>
        <p className="text-xs text-stone-500">
          One line per option, values separated by commas. Give a value a short SKU code with “=”, e.g. <span className="font-mono">Sterling=SS, Gold fill=GF</span>.
          Each new variant starts with the materials of variant 1.
        </p>
      </div>
      {options.map((option, index) => (
        <div key={index} className="grid items-end gap-2 sm:grid-cols-[10rem_1fr_auto]">
          <TextField label={`Option ${index + 1}`} value={option.name} onChange={(e) => set(index, { name: e.target.value })} />
          <TextField label={`${option.name || `Option ${index + 1}`} values`} placeholder={index === 0 ? "Sterling=SS, Gold fill=GF" : "6, 7, 8"} value={option.values} onChange={(e) => set(index, { values: e.target.value })} />
          <Button type="button" variant="ghost" disabled={options.length === 1} onClick={() => setOptions(options.filter((_, i) => i !== index))} aria-label={`Remove option ${index + 1}`}>
            Remove
          </Button>
        </div>
      ))}
      <div className="flex flex-wrap items-center gap-2">
        {options.length < 4 && (
          <Button type="button" variant="ghost" onClick={() => setOptions([...options, { name: options.length === 2 ? "Finish" : "", values: "" }])}>Add option</Button>
        )}
        <Button type="button" variant="secondary" disabled={variants.length === 0 || variants.length > 200} onClick={() => onGenerate(variants)}>
          {variants.length > 200 ? "Too many combinations (max 200)" : `Add ${variants.length} variant${variants.length === 1 ? "" : "s"}`}
        </Button>
      </div>
      {variants.length > 0 && variants.length <= 200 && (
        <p className="text-xs text-stone-600" data-testid="variant-preview">
          {variants.slice(0, 4).map((v) => `${v.name} (${v.sku})`).join(" · ")}
          {variants.length > 4 && ` · … ${variants.length - 4} more`}
        </p>
      )}
    </section>
  );
}
