import { Card } from "~/components/ui/card";
import { LIMIT_HINTS, LIMIT_LABELS, type LimitKey, type PlanLimits } from "~/server/billing/plans";

const KEYS: LimitKey[] = ["seats", "activeDesigns", "sharedCatalogs"];

export function UsageCard({ usage, limits, planName }: { usage: Record<LimitKey, number>; limits: PlanLimits; planName: string }) {
  return (
    <Card title="Usage" description={`What this studio uses against the ${planName} plan.`}>
      <dl className="space-y-4">
        {KEYS.map((key) => {
          const limit = limits[key];
          const used = usage[key];
          const over = limit !== null && used > limit;
          const percent = limit ? Math.min(100, Math.round((used / limit) * 100)) : 0;
          return (
            <div key={key} data-testid={`usage-${key}`}>
              <div className="flex items-baseline justify-between gap-3 text-sm">
                <dt className="font-medium text-stone-800">
                  {LIMIT_LABELS[key]}
                  <span className="block text-xs font-normal text-stone-500">{LIMIT_HINTS[key]}</span>
                </dt>
                <dd className={over ? "font-semibold text-red-700" : "text-stone-700"}>
                  {used} of {limit === null ? "unlimited" : limit}
                </dd>
              </div>
              {limit !== null && (
                <div className="mt-1 h-2 overflow-hidden rounded-full bg-stone-100" aria-hidden>
                  <div className={`h-full rounded-full ${over || percent >= 100 ? "bg-red-500" : percent >= 80 ? "bg-amber-500" : "bg-brand-600"}`} style={{ width: `${Math.max(percent, used > 0 ? 4 : 0)}%` }} />
                </div>
              )}
              {over && <p className="mt-1 text-xs text-red-700">Over the plan&apos;s limit: nothing was removed, but you cannot add more until you upgrade.</p>}
            </div>
          );
        })}
        <div className="flex items-baseline justify-between gap-3 border-t border-stone-100 pt-3 text-sm">
          <dt className="font-medium text-stone-800">
            Planning horizon
            <span className="block text-xs font-normal text-stone-500">Order lines due later wait for a later plan</span>
          </dt>
          <dd className="text-stone-700">{limits.planningHorizonWeeks} weeks</dd>
        </div>
      </dl>
    </Card>
  );
}
