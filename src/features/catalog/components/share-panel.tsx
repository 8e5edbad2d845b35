"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Alert } from "~/components/ui/card";
import { TextField } from "~/components/ui/field";
import { useCurrentStudio } from "~/features/studios/components/studio-context";
import { useTRPC } from "~/trpc/react";

const STATE_LABEL = { pending: "waiting for them to accept", active: "active", declined: "declined", revoked: "revoked" } as const;
const STATE_STYLE = { pending: "text-amber-700", active: "text-emerald-700", declined: "text-stone-500", revoked: "text-stone-500" } as const;

/** Owner only: share a catalog read-only with another studio, see where each share stands, revoke it. */
export function SharePanel({ catalogId }: { catalogId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const studio = useCurrentStudio();
  const shares = useQuery(trpc.catalog.shares.queryOptions({ studioId: studio.id, catalogId }));
  const share = useMutation(trpc.catalog.share.mutationOptions());
  const revoke = useMutation(trpc.catalog.revokeShare.mutationOptions());
  const [target, setTarget] = useState("");
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.catalog.pathKey() });
  const onShare = async (event: React.FormEvent) => {
    event.preventDefault();
    setMessage(null);
    if (target.trim().length < 3) return setMessage({ tone: "error", text: "Enter a studio address or an owner's email" });
    try {
      const result = await share.mutateAsync({ studioId: studio.id, catalogId, target });
      setTarget("");
      setMessage({ tone: "success", text: result.message });
      await refresh();
    } catch (cause) {
      setMessage({ tone: "error", text: (cause as Error).message });
    }
  };

  return (
    <div className="mt-3 space-y-3 rounded-lg bg-stone-50 p-3">
      <form onSubmit={onShare} noValidate className="flex flex-wrap items-end gap-2">
        <div className="min-w-56 flex-1">
          <TextField label="Studio address or owner email" value={target} onChange={(e) => setTarget(e.target.value)} hint="They accept it first. They can use your designs as they are, or fork them; they never see your costs and can never edit yours." />
        </div>
        <Button type="submit" loading={share.isPending}>Share read-only</Button>
      </form>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {shares.data && shares.data.length > 0 && (
        <ul className="space-y-1 text-sm">
          {shares.data.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2">
              <span className="min-w-0 break-all">
                {s.targetLabel} <span className={STATE_STYLE[s.state]}>({STATE_LABEL[s.state]})</span>
              </span>
              {(s.state === "active" || s.state === "pending") && (
                <Button type="button" variant="ghost" onClick={async () => { await revoke.mutateAsync({ studioId: studio.id, shareId: s.id }); await refresh(); }}>
                  {s.state === "pending" ? "Withdraw" : "Revoke"}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
