"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/card";
import { useCan, useCurrentStudio } from "~/features/studios/components/studio-context";
import { studioToday } from "~/server/time-zone";
import { useTRPC } from "~/trpc/react";
import { CsvImportPanel, downloadCsv } from "./csv-import-panel";

function ExportCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const studio = useCurrentStudio();
  const [busy, setBusy] = useState<"materials" | "designs" | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The export's file name carries the studio's day.
  const day = studioToday(studio.timeZone);

  const run = async (kind: "materials" | "designs") => {
    setBusy(kind);
    setError(null);
    try {
      const options = kind === "materials" ? trpc.materials.exportCsv.queryOptions({ studioId: studio.id }) : trpc.catalog.designs.exportCsv.queryOptions({ studioId: studio.id });
      const { csv } = await queryClient.fetchQuery({ ...options, staleTime: 0 });
      downloadCsv(`${studio.slug}-${kind}-${day}.csv`, csv);
    } catch (cause) {
      setError((cause as Error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card title="Export" description="Your own active designs at their current version, and your materials, in the same layout the import reads.">
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" loading={busy === "materials"} onClick={() => void run("materials")}>Download materials CSV</Button>
        <Button type="button" variant="secondary" loading={busy === "designs"} onClick={() => void run("designs")}>Download designs CSV</Button>
      </div>
      {error && <div className="mt-3"><Alert>{error}</Alert></div>}
    </Card>
  );
}

export function CatalogCsvPage() {
  const canEdit = useCan("catalog:edit");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Import / export</h1>
      <ExportCard />
      {canEdit ? (
        <>
          <CsvImportPanel kind="materials" />
          <CsvImportPanel kind="designs" />
        </>
      ) : (
        <Alert tone="info">Importing needs an admin or the owner.</Alert>
      )}
    </div>
  );
}
