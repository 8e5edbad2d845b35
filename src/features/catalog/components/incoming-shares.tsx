"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/card";
import { useCan, useCurrentStudio } from "~/features/studios/components/studio-context";
import { useTRPC } from "~/trpc/react";

/** Owner only: catalogs other studios offer this studio, to accept (they appear here) or decline. */
export function IncomingShares() {
  const trpc = useTRPC();
  const studio = useCurrentStudio();
  const canAnswer = useCan("catalog:share");
  const queryClient = useQueryClient();
  const incoming = useQuery({ ...trpc.catalog.incomingShares.queryOptions({ studioId: studio.id }), enabled: canAnswer });
  const accept = useMutation(trpc.catalog.acceptShare.mutationOptions());
  const decline = useMutation(trpc.catalog.declineShare.mutationOptions());
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  if (!canAnswer || !incoming.data) return null;
  const { shares, waitingForEmailConfirmation } = incoming.data;
  if (shares.length === 0 && !waitingForEmailConfirmation && !message) return null;

  const answer = async (run: () => Promise<unknown>, text: string) => {
    setMessage(null);
    try {
      await run();
      setMessage({ tone: "success", text });
    } catch (cause) {
      setMessage({ tone: "error", text: (cause as Error).message });
    }
    await queryClient.invalidateQueries({ queryKey: trpc.catalog.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.catalog.designs.pathKey() });
  };

  return (
    <Card title="Catalogs offered to you" description={`Accepted catalogs appear in ${studio.name}, read-only: use their designs in orders as they are, or fork them.`}>
      <div className="space-y-3">
        {message && <Alert tone={message.tone}>{message.text}</Alert>}
        {waitingForEmailConfirmation && <Alert tone="info">A catalog was shared with your email address. Confirm your address (see the banner) to see it here.</Alert>}
        <ul className="divide-y divide-stone-100" aria-label="Catalogs offered to you">
          {shares.map((share) => (
            <li key={share.id} className="space-y-2 py-2">
              <p className="text-sm">
                <span className="font-medium">{share.catalogName}</span> from {share.fromStudio} · {share.designCount} {share.designCount === 1 ? "design" : "designs"}
                {share.toYourEmail && <span className="block text-xs text-stone-500">Sent to your email address: accept it in the studio that should have it.</span>}
              </p>
              <div className="flex flex-wrap gap-2">
                <Button loading={accept.isPending && accept.variables?.shareId === share.id} onClick={() => answer(() => accept.mutateAsync({ studioId: studio.id, shareId: share.id }), `${share.catalogName} is now in your catalogs.`)}>
                  Accept into {studio.name}
                </Button>
                <Button variant="ghost" loading={decline.isPending && decline.variables?.shareId === share.id} onClick={() => answer(() => decline.mutateAsync({ studioId: studio.id, shareId: share.id }), `Declined ${share.catalogName}.`)}>
                  Decline
                </Button>
              </div>
            </li>
          ))}
        </ul>
      </div>
    </Card>
  );
}
