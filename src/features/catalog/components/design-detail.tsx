"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { buttonClasses } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/card";
import { SelectField } from "~/components/ui/field";
import { Spinner } from "~/components/ui/spinner";
import { useCan, useCurrentStudio, useStudioFormat } from "~/features/studios/components/studio-context";
import { useStudioTime } from "~/features/studios/components/use-studio-time";
import { useTRPC } from "~/trpc/react";
import { formatCents, formatQuantity, secondsToMinutes, STATION_KIND_LABELS } from "~/lib/units";
import { ForkForm } from "./fork-form";
import { DataTable, Td } from "~/components/ui/table";

export function DesignDetail({ designId }: { designId: string }) {
  const trpc = useTRPC();
  const studio = useCurrentStudio();
  const clock = useStudioTime();
  const canEdit = useCan("catalog:edit");
  const [versionId, setVersionId] = useState<string>("");
  const format = useStudioFormat();
  const design = useQuery(trpc.catalog.designs.get.queryOptions({ studioId: studio.id, id: designId }));
  const versions = useQuery(trpc.catalog.designs.versions.queryOptions({ studioId: studio.id, id: designId }));
  const older = useQuery({ ...trpc.catalog.designs.version.queryOptions({ studioId: studio.id, versionId }), enabled: versionId !== "" });

  if (design.isPending) return <Spinner label="Loading design…" />;
  if (design.isError) return <Alert>{design.error.message}</Alert>;
  const d = design.data;
  const shown = versionId && older.data ? older.data : d.current;
  const base = `/s/${studio.slug}`;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex gap-4">
          {shown.photoUrl && (
            // eslint-disable-next-line @next/next/no-img-element -- any https host the studio uses
            <img src={shown.photoUrl} alt="" className="size-20 rounded-lg object-cover ring-1 ring-stone-200" />
          )}
          <div>
            <p className="text-sm text-stone-500">
              <Link href={`${base}/catalog`} className="hover:underline">Catalog</Link> · <span className="font-mono">{shown.sku}</span>
            </p>
            <h1 className="text-2xl font-semibold tracking-tight">{shown.name}</h1>
            <p className="text-sm text-stone-600">
              {d.sharedBy ? `Shared by ${d.sharedBy} (read-only)` : `In ${d.catalogs.map((c) => c.name).join(", ")}`}
            </p>
          </div>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <SelectField label="Version" value={versionId} onChange={(e) => setVersionId(e.target.value)}>
            <option value="">Current (v{d.version})</option>
            {versions.data?.filter((v) => v.number !== d.version).map((v) => (
              <option key={v.id} value={v.id}>v{v.number} · {clock.day(v.createdAt)}</option>
            ))}
          </SelectField>
          {d.own && canEdit && <Link href={`${base}/catalog/designs/${d.id}/edit`} className={buttonClasses("primary")}>Edit design</Link>}
        </div>
      </div>
      {versionId && older.isPending && <Spinner label="Loading version…" />}
      {!d.own && canEdit && <ForkForm designId={d.id} sku={d.sku} />}
      {shown.description && <p className="max-w-3xl whitespace-pre-line text-stone-700">{shown.description}</p>}

      <Card title="Routing" description="Setup is per batch; minutes are per piece.">
        <DataTable caption="Routing steps" headers={["#", "Step", "Station", "Setup", "Per piece", "Batching", "Unattended run"]}>
          {shown.steps.map((s) => (
            <tr key={s.id}>
              <Td>{s.position + 1}</Td>
              <Td className="font-medium">{s.name}</Td>
              <Td>
                {s.stationName}
                {STATION_KIND_LABELS[s.stationKind] !== s.stationName && <span className="block text-xs text-stone-500">{STATION_KIND_LABELS[s.stationKind]}</span>}
              </Td>
              <Td>{secondsToMinutes(s.setupSeconds)} min</Td>
              <Td>{secondsToMinutes(s.secondsPerPiece)} min</Td>
              <Td>{s.batchable ? `${s.batchFamily}${s.maxBatchSize ? ` · max ${s.maxBatchSize}` : ""}` : "—"}</Td>
              <Td>{s.unattendedRunSeconds ? `${secondsToMinutes(s.unattendedRunSeconds)} min` : "—"}</Td>
            </tr>
          ))}
        </DataTable>
      </Card>

      <Card
        title={d.own ? "Variants and standard cost" : "Variants and materials"}
        description={
          shown.labourRateCents !== null
            ? `Cost per piece = materials + labour at ${formatCents(shown.labourRateCents, format)}/h, with setup spread over batches of ${shown.costingBatchSize} (or the step's max batch if smaller).`
            : "The sharing studio's costs and labour rate stay theirs. Fork the design to cost it with your own materials and rate."
        }
      >
        <div className="grid gap-4 md:grid-cols-2">
          {shown.variants.map((v) => (
            <section key={v.id} className="rounded-lg border border-stone-200 p-3" aria-label={`Variant ${v.name}`}>
              <div className="flex items-baseline justify-between gap-2">
                <h3 className="font-semibold">{v.name} <span className="ml-1 font-mono text-xs font-normal text-stone-500">{v.sku}</span></h3>
                {v.standardCostCents !== null && <p className="text-lg font-semibold">{formatCents(v.standardCostCents, format)}</p>}
              </div>
              {v.materialCostCents !== null && v.labourCostCents !== null && (
                <p className="text-xs text-stone-500">materials {formatCents(v.materialCostCents, format)} + labour {formatCents(v.labourCostCents, format)}</p>
              )}
              <ul className="mt-2 space-y-1 text-sm">
                {v.bomLines.length === 0 && <li className="text-stone-500">No materials.</li>}
                {v.bomLines.map((l) => (
                  <li key={l.id} className="flex justify-between gap-2">
                    <span>{l.materialName}</span>
                    <span className="text-stone-600">
                      {formatQuantity(l.quantityMilli, l.materialUnit, format)}
                      {l.unitCostCents !== null && ` × ${formatCents(l.unitCostCents, format)}`}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </Card>
    </div>
  );
}
