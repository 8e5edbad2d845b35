"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/card";
import { useCurrentStudio } from "~/features/studios/components/studio-context";
import { useTRPC } from "~/trpc/react";
import { MATERIALS_TEMPLATE } from "~/features/materials/csv-layout";
import { CSV_MAX_BYTES } from "~/lib/csv";
import { DESIGNS_TEMPLATE } from "../csv-layout";
import { DataTable, Td } from "~/components/ui/table";

/** Offers text as a file download (templates and exports). */
export function downloadCsv(filename: string, csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

type Kind = "materials" | "designs";
type PreviewRow = { row: number; errors: string[]; label: string; detail: string };

const TEXT: Record<Kind, { title: string; description: string; template: string; templateName: string }> = {
  materials: {
    title: "Import materials",
    description: "One row per material: name, category, alloy, gauge, unit (g, dwt, ozt, mm, cm, m, in, ft, pcs, ct), unit_cost (e.g. 0.95), reorder_point and on_hand in the material's unit. A name you already have updates that material; on_hand different from your stock is recorded as an adjustment.",
    template: MATERIALS_TEMPLATE,
    templateName: "materials-template.csv",
  },
  designs: {
    title: "Import designs",
    description: "Rows grouped by sku. A row is a variant's material (variant, material, quantity) or a routing step (step, step_name, station, setup_min, min_per_piece, …). Import materials and add stations first. A SKU you already have gets a new version.",
    template: DESIGNS_TEMPLATE,
    templateName: "designs-template.csv",
  },
};

export function CsvImportPanel({ kind }: { kind: Kind }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const studio = useCurrentStudio();
  const [csv, setCsv] = useState("");
  const [fileError, setFileError] = useState<string | null>(null);
  const previewMaterials = useMutation(trpc.materials.previewCsv.mutationOptions());
  const previewDesigns = useMutation(trpc.catalog.designs.previewCsv.mutationOptions());
  const importMaterials = useMutation(trpc.materials.importCsv.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.materials.pathKey() }) }));
  const importDesigns = useMutation(trpc.catalog.designs.importCsv.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }));
  const preview = kind === "materials" ? previewMaterials : previewDesigns;
  const commit = kind === "materials" ? importMaterials : importDesigns;
  const text = TEXT[kind];

  const rows: PreviewRow[] | null =
    kind === "materials"
      ? (previewMaterials.data?.rows.map((r) => ({ row: r.row, errors: r.errors, label: r.name, detail: `${r.action} · ${r.summary}` })) ?? null)
      : (previewDesigns.data?.rows.map((r) => ({ row: r.row, errors: r.errors, label: r.sku, detail: r.summary })) ?? null);
  const errorCount = preview.data?.errorCount ?? 0;
  const summary =
    kind === "materials"
      ? previewMaterials.data && `${previewMaterials.data.createCount} new, ${previewMaterials.data.updateCount} updated`
      : previewDesigns.data &&
        [
          `${previewDesigns.data.designs.filter((d) => d.action === "create").length} new designs`,
          `${previewDesigns.data.designs.filter((d) => d.action === "new version").length} new versions`,
          previewDesigns.data.newCatalogs.length ? `new catalogs: ${previewDesigns.data.newCatalogs.join(", ")}` : null,
        ].filter(Boolean).join(", ");
  const result =
    kind === "materials"
      ? importMaterials.data && `Imported: ${importMaterials.data.created} new materials, ${importMaterials.data.updated} updated.`
      : importDesigns.data && `Imported: ${importDesigns.data.created} new designs, ${importDesigns.data.versioned} new versions.`;

  const onFile = async (file: File | undefined) => {
    setFileError(null);
    setCsv("");
    preview.reset();
    commit.reset();
    if (!file) return;
    if (file.size > CSV_MAX_BYTES) return setFileError("The file is larger than 1 MB: split it into smaller files.");
    const content = await file.text();
    setCsv(content);
    preview.mutate({ studioId: studio.id, csv: content });
  };

  return (
    <Card title={text.title} description={text.description} actions={<Button type="button" variant="ghost" onClick={() => downloadCsv(text.templateName, text.template)}>Download template</Button>}>
      <div className="space-y-3">
        <div className="space-y-1">
          <label htmlFor={`csv-${kind}`} className="block text-sm font-medium text-stone-700">CSV file</label>
          <input id={`csv-${kind}`} type="file" accept=".csv,text/csv" className="block w-full text-sm" onChange={(e) => void onFile(e.target.files?.[0])} />
        </div>
        {fileError && <Alert>{fileError}</Alert>}
        {preview.isPending && <p className="text-sm text-stone-600" role="status">Checking every row…</p>}
        {preview.isError && <Alert>{preview.error.message}</Alert>}
        {preview.data && (
          <Alert tone={errorCount ? "error" : "info"}>
            {errorCount
              ? `${errorCount} row${errorCount === 1 ? "" : "s"} need fixing: nothing will be imported until every row is valid. Fix the file and choose it again.`
              : `Every row is valid: ${summary}.`}
          </Alert>
        )}
        <div className="flex gap-2">
          <Button type="button" disabled={!csv || !preview.data || errorCount > 0 || commit.isSuccess} loading={commit.isPending} onClick={() => commit.mutate({ studioId: studio.id, csv })}>
            Import
          </Button>
        </div>
        {commit.isError && <Alert>{commit.error.message}</Alert>}
        {result && <Alert tone="success">{result}</Alert>}
        {rows && (
          <DataTable caption={`${text.title}: preview`} headers={["Row", kind === "materials" ? "Material" : "SKU", "What it does", "Problems"]}>
            {rows.map((r) => (
              <tr key={r.row} className={r.errors.length ? "bg-red-50" : ""}>
                <Td>{r.row}</Td>
                <Td className="font-medium">{r.label}</Td>
                <Td>{r.detail}</Td>
                <Td>{r.errors.length ? <ul className="text-red-700">{r.errors.map((e) => <li key={e}>{e}</li>)}</ul> : <span className="text-stone-400">OK</span>}</Td>
              </tr>
            ))}
          </DataTable>
        )}
      </div>
    </Card>
  );
}
