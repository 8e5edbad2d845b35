"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Alert, Card } from "~/components/ui/card";
import { Spinner } from "~/components/ui/spinner";
import type { PlanKey } from "~/server/billing/plans";
import { useTRPC } from "~/trpc/react";
import { useCan, useCurrentStudio } from "~/features/studios/components/studio-context";
import { PlanCards } from "./plan-cards";
import { UsageCard } from "./usage-card";

const dateLabel = (date: Date) => date.toLocaleDateString("en", { day: "numeric", month: "long", year: "numeric" });

type State = { status: string; trialDaysLeft: number | null; trialEndsAt: Date | null; currentPeriodEnd: Date | null; cancelAtPeriodEnd: boolean; graceEndsAt: Date | null; readOnlyReason: string | null };

function statusText(state: State): string {
  switch (state.status) {
    case "trialing":
      return state.trialDaysLeft === null
        ? "Trial"
        : `Trial: ${state.trialDaysLeft === 1 ? "1 day" : `${state.trialDaysLeft} days`} left${state.trialEndsAt ? ` (ends ${dateLabel(state.trialEndsAt)})` : ""}`;
    case "trial_expired":
      return "Trial ended";
    case "active":
      return state.currentPeriodEnd
        ? `Active — ${state.cancelAtPeriodEnd ? "ends" : "renews"} ${dateLabel(state.currentPeriodEnd)}`
        : "Active";
    case "past_due":
      return "Past due";
    case "canceled":
      return "Canceled";
    default:
      return "Not active";
  }
}

export function BillingPage() {
  const current = useCurrentStudio();
  const isOwner = useCan("billing:manage");
  if (!isOwner) {
    return (
      <Card title="Billing">
        <p className="text-sm text-stone-600">Only the studio&apos;s owner can see and manage billing. Ask them if you need a bigger plan.</p>
      </Card>
    );
  }
  return <OwnerBilling studioId={current.id} />;
}

function OwnerBilling({ studioId }: { studioId: string }) {
  const trpc = useTRPC();
  const search = useSearchParams();
  const overview = useQuery(trpc.billing.overview.queryOptions({ studioId }));
  const checkout = useMutation(trpc.billing.createCheckoutSession.mutationOptions());
  const portal = useMutation(trpc.billing.createPortalSession.mutationOptions());
  const [pendingPlan, setPendingPlan] = useState<PlanKey | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (overview.isPending) return <Spinner label="Loading billing…" />;
  if (overview.isError) return <Alert>{overview.error.message}</Alert>;
  const { state, usage, limits, plans, stripeConfigured } = overview.data;

  const choose = async (plan: PlanKey) => {
    setError(null);
    setPendingPlan(plan);
    try {
      const { url } = await checkout.mutateAsync({ studioId, plan });
      window.location.assign(url);
    } catch (cause) {
      setError((cause as Error).message);
      setPendingPlan(null);
    }
  };
  const manage = async () => {
    setError(null);
    try {
      const { url } = await portal.mutateAsync({ studioId });
      window.location.assign(url);
    } catch (cause) {
      setError((cause as Error).message);
    }
  };

  const subscribed = state.hasStripeSubscription && ["trialing", "active", "past_due"].includes(state.status);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight">Billing</h1>
        <p className="mt-1 text-sm text-stone-600">Your plan, what you use, and payments.</p>
      </div>
      {search.get("checkout") === "success" && (
        <Alert tone="success">Thank you! Stripe confirmed your checkout; your plan updates here within a few moments.</Alert>
      )}
      {search.get("checkout") === "canceled" && <Alert tone="info">Checkout was canceled; nothing was charged.</Alert>}
      {!stripeConfigured && (
        <Alert tone="info">
          Stripe is not configured for this installation, so plans cannot be bought here. Your studio keeps its current plan and trial.
        </Alert>
      )}
      {error && <Alert>{error}</Alert>}
      {state.status === "past_due" && (
        <Alert>
          The last payment failed.{" "}
          {state.graceEndsAt && !state.readOnly ? `Update your payment method before ${dateLabel(state.graceEndsAt)} to keep adding work.` : ""}
        </Alert>
      )}
      {state.readOnly && <Alert>{state.readOnlyReason} Existing work stays readable; nothing is deleted.</Alert>}

      <div className="grid gap-4 lg:grid-cols-2">
        <Card
          title="Current plan"
          actions={
            <Button variant="secondary" onClick={manage} loading={portal.isPending} disabled={!stripeConfigured || !state.hasStripeCustomer}>
              Manage billing
            </Button>
          }
        >
          <p className="text-2xl font-semibold" data-testid="current-plan">
            {state.planName}
          </p>
          <p className="mt-1 text-sm text-stone-700" data-testid="billing-status">
            {statusText(state)}
          </p>
          {!state.hasStripeCustomer && stripeConfigured && (
            <p className="mt-3 text-xs text-stone-500">“Manage billing” opens Stripe&apos;s customer portal once you have subscribed.</p>
          )}
        </Card>
        <UsageCard usage={usage} limits={limits} planName={state.planName} />
      </div>

      <div>
        <h2 className="mb-3 text-lg font-semibold">{subscribed ? "Plans" : "Choose a plan"}</h2>
        {subscribed && <p className="mb-3 text-sm text-stone-600">To switch plans or cancel, use “Manage billing”.</p>}
        <PlanCards plans={plans} currentPlan={state.plan} subscribed={subscribed} pendingPlan={pendingPlan} onChoose={choose} />
      </div>
    </div>
  );
}
