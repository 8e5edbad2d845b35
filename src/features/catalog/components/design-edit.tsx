"use client";

import { useQuery } from "@tanstack/react-query";
import { Alert } from "~/components/ui/card";
import { Spinner } from "~/components/ui/spinner";
import { useCan, useCurrentStudio } from "~/features/studios/components/studio-context";
import { useTRPC } from "~/trpc/react";
import { secondsToMinutes } from "~/lib/units";
import { DesignForm } from "./design-form";

export function DesignEdit({ designId }: { designId: string }) {
  const trpc = useTRPC();
  const studio = useCurrentStudio();
  const canEdit = useCan("catalog:edit");
  const design = useQuery(trpc.catalog.designs.get.queryOptions({ studioId: studio.id, id: designId }));
  if (!canEdit) return <Alert>Only owners and admins can edit designs.</Alert>;
  if (design.isPending) return <Spinner label="Loading design…" />;
  if (design.isError) return <Alert>{design.error.message}</Alert>;
  const d = design.data;
  if (!d.own) return <Alert>This design is shared with your studio read-only. Fork it to change it.</Alert>;
  return (
    <DesignForm
      existing={{
        id: d.id,
        version: d.version,
        values: {
          name: d.name,
          sku: d.sku,
          description: d.description,
          photoUrl: d.photoUrl ?? "",
          catalogIds: d.catalogs.map((c) => c.id),
          steps: d.current.steps.map((s) => ({
            name: s.name,
            stationId: s.stationId,
            setupMinutes: secondsToMinutes(s.setupSeconds),
            minutesPerPiece: secondsToMinutes(s.secondsPerPiece),
            batchable: s.batchable,
            batchFamily: s.batchFamily ?? "",
            maxBatchSize: s.maxBatchSize,
            unattendedMinutes: s.unattendedRunSeconds === null ? null : secondsToMinutes(s.unattendedRunSeconds),
          })),
          variants: d.current.variants.map((v) => ({
            name: v.name,
            sku: v.sku,
            overrides: Array.isArray(v.overrides) ? (v.overrides as { step: number; secondsPerPiece: number }[]) : [],
            bom: v.bomLines.map((l) => ({ materialId: l.materialId, quantity: l.quantityMilli / 1000, stepPosition: l.stepPosition })),
          })),
        },
      }}
    />
  );
}
