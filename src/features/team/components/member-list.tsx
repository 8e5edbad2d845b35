"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/card";
import { Spinner } from "~/components/ui/spinner";
import { useCan, useCurrentStudio } from "~/features/studios/components/studio-context";
import { ROLE_LABELS } from "~/server/authz/permissions";
import { hoursPerWeek, WEEKDAYS } from "~/features/studios/working-hours";
import { useTRPC } from "~/trpc/react";
import { AvailabilityPanel } from "./availability-panel";

export function MemberList() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const studio = useCurrentStudio();
  const canManage = useCan("members:manage");
  const canTransfer = useCan("members:transfer-ownership");
  const members = useQuery(trpc.team.list.queryOptions({ studioId: studio.id }));
  const changeRole = useMutation(trpc.team.changeRole.mutationOptions());
  const remove = useMutation(trpc.team.removeMember.mutationOptions());
  const transfer = useMutation(trpc.team.transferOwnership.mutationOptions());
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const stations = useQuery(trpc.stations.list.queryOptions({ studioId: studio.id }));
  const stationName = (id: string) => stations.data?.find((s) => s.id === id)?.name ?? "…";

  async function run(action: () => Promise<unknown>, success: string, options: { refreshPage?: boolean } = {}) {
    setMessage(null);
    try {
      await action();
      setMessage({ tone: "success", text: success });
      if (options.refreshPage) router.refresh(); // the caller's own role changed
    } catch (cause) {
      setMessage({ tone: "error", text: (cause as Error).message });
    }
    await queryClient.invalidateQueries({ queryKey: trpc.team.list.queryKey({ studioId: studio.id }) });
  }

  if (members.isPending) return <Spinner label="Loading the team…" />;
  if (members.isError) return <Alert>{members.error.message}</Alert>;

  return (
    <Card title="Members" description={canManage ? undefined : "Only owners and admins can change the team."}>
      {message && (
        <div className="mb-3">
          <Alert tone={message.tone}>{message.text}</Alert>
        </div>
      )}
      <ul className="divide-y divide-stone-200" aria-label="Members">
        {members.data.map((member) => {
          const editable = canManage && member.role !== "OWNER";
          return (
            <li key={member.id} className="space-y-3 py-3">
              <div className="flex flex-wrap items-center justify-between gap-3">
                <div className="min-w-0 max-w-full">
                  <p className="truncate font-medium">
                    {member.user.name}
                    {member.isYou && <span className="ml-2 text-sm font-normal text-stone-500">(you)</span>}
                  </p>
                  <p className="truncate text-sm text-stone-600">{member.user.email}</p>
                  <p className="text-xs text-stone-500" data-testid="availability-summary">
                    {member.availability.workingHours ? `Own hours: ${hoursPerWeek(member.availability.workingHours)} h/week (${[...new Set(member.availability.workingHours.map((i) => WEEKDAYS[i.weekday]!.slice(0, 3)))].join(", ") || "no days"})` : "Studio hours"}
                    {" · "}
                    {!member.availability.skillsLimited ? "every station" : member.availability.stationIds.length ? member.availability.stationIds.map(stationName).join(", ") : "no bench work"}
                    {member.availability.timeOff.length > 0 && ` · ${member.availability.timeOff.length} upcoming day${member.availability.timeOff.length === 1 ? "" : "s"} off`}
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  {editable ? (
                    <select
                      aria-label={`Role of ${member.user.name}`}
                      value={member.role}
                      disabled={changeRole.isPending}
                      className="rounded-lg border border-stone-300 bg-white px-2 py-2 text-sm"
                      onChange={(event) =>
                        run(
                          () =>
                            changeRole.mutateAsync({
                              studioId: studio.id,
                              membershipId: member.id,
                              role: event.target.value as "ADMIN" | "ASSISTANT",
                              expectedVersion: member.version,
                            }),
                          `${member.user.name} is now ${ROLE_LABELS[event.target.value as "ADMIN"].toLowerCase()}.`,
                          { refreshPage: member.isYou },
                        )
                      }
                    >
                      <option value="ADMIN">Admin</option>
                      <option value="ASSISTANT">Assistant</option>
                    </select>
                  ) : (
                    <span className="rounded-full bg-stone-100 px-3 py-1 text-sm font-medium text-stone-700">{ROLE_LABELS[member.role]}</span>
                  )}
                  {canTransfer && !member.isYou && (
                    <Button
                      variant="secondary"
                      onClick={() =>
                        window.confirm(`Make ${member.user.name} the owner? You will become an admin.`) &&
                        run(() => transfer.mutateAsync({ studioId: studio.id, membershipId: member.id }), `${member.user.name} now owns the studio.`, {
                          refreshPage: true,
                        })
                      }
                    >
                      Make owner
                    </Button>
                  )}
                  {editable && (
                    <Button
                      variant="ghost"
                      className="text-red-700"
                      onClick={() =>
                        window.confirm(`Remove ${member.user.name} from ${studio.name}?`) &&
                        run(() => remove.mutateAsync({ studioId: studio.id, membershipId: member.id }), `${member.user.name} was removed.`, {
                          refreshPage: member.isYou,
                        })
                      }
                    >
                      Remove
                    </Button>
                  )}
                  {canManage && (
                    <Button variant="ghost" aria-expanded={openId === member.id} onClick={() => setOpenId(openId === member.id ? null : member.id)}>
                      Hours &amp; stations
                    </Button>
                  )}
                </div>
              </div>
              {canManage && openId === member.id && (
                <AvailabilityPanel key={member.id} member={{ id: member.id, version: member.version, name: member.user.name, availability: member.availability }} />
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
