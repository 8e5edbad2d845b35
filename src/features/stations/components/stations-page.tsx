"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Alert, EmptyState } from "~/components/ui/card";
import { Spinner } from "~/components/ui/spinner";
import { useCan, useCurrentStudio } from "~/features/studios/components/studio-context";
import { useTRPC } from "~/trpc/react";
import { secondsToMinutes, STATION_KIND_LABELS } from "~/lib/units";
import { StationForm, type EditableStation } from "./station-form";
import { DataTable, Td } from "~/components/ui/table";

export function StationsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const studio = useCurrentStudio();
  const canEdit = useCan("catalog:edit");
  const stations = useQuery(trpc.stations.list.queryOptions({ studioId: studio.id }));
  const archive = useMutation(trpc.stations.setArchived.mutationOptions());
  const [editing, setEditing] = useState<EditableStation | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.stations.list.queryKey({ studioId: studio.id }) });

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
                  <div className="flex gap-1">
                    {!s.archivedAt && (
                      <Button type="button" variant="ghost" aria-label={`Edit ${s.name}`} onClick={() => { setEditing(s); document.getElementById("station-form")?.scrollIntoView({ behavior: "smooth" }); }}>
                        Edit
                      </Button>
                    )}
                    <Button type="button" variant="ghost" onClick={async () => { await archive.mutateAsync({ studioId: studio.id, id: s.id, archived: !s.archivedAt }); if (editing?.id === s.id) setEditing(null); await refresh(); }}>
                      {s.archivedAt ? "Restore" : "Archive"}
                    </Button>
                  </div>
                )}
              </Td>
            </tr>
          ))}
        </DataTable>
      )}
      {canEdit && (
        <div id="station-form">
          <StationForm key={editing ? `${editing.id}:${editing.version}` : "new"} editing={editing} onDone={async () => { setEditing(null); await refresh(); }} />
        </div>
      )}
    </div>
  );
}
