"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/card";
import { Spinner } from "~/components/ui/spinner";
import { useTRPC } from "~/trpc/react";
import { DayRangeForm } from "./day-range-form";
import { useCan, useCurrentStudio } from "./studio-context";

/** Days the whole studio is closed: the planner gives nobody work on them. */
export function HolidaysCard() {
  const trpc = useTRPC();
  const studio = useCurrentStudio();
  const canEdit = useCan("studio:update");
  const queryClient = useQueryClient();
  const holidays = useQuery(trpc.studio.holidays.queryOptions({ studioId: studio.id }));
  const add = useMutation(trpc.studio.addHoliday.mutationOptions());
  const remove = useMutation(trpc.studio.removeHoliday.mutationOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.studio.holidays.queryKey({ studioId: studio.id }) });
  return (
    <Card title="Holidays" description="Days the studio is closed. Nobody is planned on them; each person's own days off are on the Team page.">
      <div className="space-y-4">
        {holidays.isPending ? (
          <Spinner label="Loading holidays…" />
        ) : holidays.isError ? (
          <Alert>{holidays.error.message}</Alert>
        ) : holidays.data.length === 0 ? (
          <p className="text-sm text-stone-500">No holidays coming up.</p>
        ) : (
          <ul className="divide-y divide-stone-100 text-sm" aria-label="Holidays">
            {holidays.data.map((h) => (
              <li key={h.id} className="flex flex-wrap items-center justify-between gap-2 py-1">
                <span>
                  <span className="font-medium">{h.name}</span> · {h.firstDay === h.lastDay ? h.firstDay : `${h.firstDay} – ${h.lastDay}`}
                </span>
                {canEdit && (
                  <Button variant="ghost" loading={remove.isPending && remove.variables?.holidayId === h.id} onClick={async () => { await remove.mutateAsync({ studioId: studio.id, holidayId: h.id }); await refresh(); }}>
                    Remove
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
        {canEdit && (
          <DayRangeForm
            submitLabel="Add holiday"
            labelField={{ label: "Name", placeholder: "Christmas", required: true }}
            onAdd={async (range, name) => {
              await add.mutateAsync({ studioId: studio.id, range, name });
              await refresh();
            }}
          />
        )}
      </div>
    </Card>
  );
}
