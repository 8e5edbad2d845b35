import { Button } from "~/components/ui/button";
import { LIMIT_LABELS, PLAN_KEYS, type PlanKey, type PlanLimits } from "~/server/billing/plans";

export type PlanOption = { key: PlanKey; name: string; tagline: string; priceLabel: string; limits: PlanLimits; purchasable: boolean };

const limitText = (value: number | null, label: string) => {
  const text = label.toLowerCase();
  // "1 catalog shared out", "2 team members"
  return `${value === null ? "Unlimited" : value} ${value === 1 ? text.replace(/s(\s|$)/, "$1") : text}`;
};

export function PlanCards(props: {
  plans: PlanOption[];
  currentPlan: PlanKey;
  subscribed: boolean;
  pendingPlan: PlanKey | null;
  onChoose: (plan: PlanKey) => void;
}) {
  return (
    <div className="grid gap-4 md:grid-cols-3">
      {props.plans.map((plan) => {
        const current = plan.key === props.currentPlan;
        return (
          <section
            key={plan.key}
            aria-label={`${plan.name} plan`}
            className={`flex flex-col rounded-xl border bg-white p-5 shadow-sm ${current ? "border-brand-500 ring-2 ring-brand-500/20" : "border-stone-200"}`}
          >
            <div className="flex items-center justify-between gap-2">
              <h3 className="text-lg font-semibold text-stone-900">{plan.name}</h3>
              {current && <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700">Current plan</span>}
            </div>
            <p className="mt-1 text-sm text-stone-600">{plan.tagline}</p>
            <p className="mt-3 text-2xl font-semibold text-stone-900">{plan.priceLabel}</p>
            <ul className="mt-4 flex-1 space-y-1.5 text-sm text-stone-700">
              <li>{limitText(plan.limits.seats, LIMIT_LABELS.seats)}</li>
              <li>{limitText(plan.limits.activeDesigns, LIMIT_LABELS.activeDesigns)}</li>
              <li>{limitText(plan.limits.sharedCatalogs, LIMIT_LABELS.sharedCatalogs)}</li>
              <li>{plan.limits.planningHorizonWeeks}-week planning horizon</li>
            </ul>
            {!props.subscribed && (
              <Button
                className="mt-5 w-full"
                variant={current ? "primary" : "secondary"}
                disabled={!plan.purchasable || props.pendingPlan !== null}
                loading={props.pendingPlan === plan.key}
                onClick={() => props.onChoose(plan.key)}
              >
                {current
                  ? `Subscribe to ${plan.name}`
                  : PLAN_KEYS.indexOf(plan.key) > PLAN_KEYS.indexOf(props.currentPlan)
                    ? `Upgrade to ${plan.name}`
                    : `Choose ${plan.name}`}
              </Button>
            )}
          </section>
        );
      })}
    </div>
  );
}
