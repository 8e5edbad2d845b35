// The plans, in one place. Limits are enforced on the server (src/server/billing/plan-limits.ts); prices
// map to Stripe price ids from the environment. No server-only imports: the billing UI imports this too.

export const PLAN_KEYS = ["SOLO", "STUDIO", "WORKSHOP"] as const;
export type PlanKey = (typeof PLAN_KEYS)[number];

/** What a plan allows. `null` = unlimited. */
export type PlanLimits = {
  /** Members (owner included) plus pending invitations. */
  seats: number | null;
  /** Designs not archived. */
  activeDesigns: number | null;
  /** Catalogs shared out to other studios (active shares). */
  sharedCatalogs: number | null;
  /** How far ahead the planner schedules, in weeks. */
  planningHorizonWeeks: number;
};

export type LimitKey = "seats" | "activeDesigns" | "sharedCatalogs";

export type Plan = {
  key: PlanKey;
  name: string;
  tagline: string;
  /** Display price; the real amount lives on the Stripe price. */
  monthlyPriceLabel: string;
  limits: PlanLimits;
  /** The environment variable holding this plan's Stripe price id. */
  priceEnv: "STRIPE_PRICE_SOLO" | "STRIPE_PRICE_STUDIO" | "STRIPE_PRICE_WORKSHOP";
};

export const PLANS: Record<PlanKey, Plan> = {
  SOLO: {
    key: "SOLO",
    name: "Solo",
    tagline: "One maker and a helper",
    monthlyPriceLabel: "$19 / month",
    limits: { seats: 2, activeDesigns: 40, sharedCatalogs: 1, planningHorizonWeeks: 4 },
    priceEnv: "STRIPE_PRICE_SOLO",
  },
  STUDIO: {
    key: "STUDIO",
    name: "Studio",
    tagline: "A small team at the bench",
    monthlyPriceLabel: "$49 / month",
    limits: { seats: 6, activeDesigns: 250, sharedCatalogs: 10, planningHorizonWeeks: 12 },
    priceEnv: "STRIPE_PRICE_STUDIO",
  },
  WORKSHOP: {
    key: "WORKSHOP",
    name: "Workshop",
    tagline: "Several benches, wholesale catalogs",
    monthlyPriceLabel: "$129 / month",
    limits: { seats: 25, activeDesigns: null, sharedCatalogs: null, planningHorizonWeeks: 52 },
    priceEnv: "STRIPE_PRICE_WORKSHOP",
  },
};

export const LIMIT_LABELS: Record<LimitKey, string> = {
  seats: "Team members",
  activeDesigns: "Active designs",
  sharedCatalogs: "Catalogs shared out",
};

/** How each limit counts, said the same way on the billing page and in the refusal. */
export const LIMIT_HINTS: Record<LimitKey, string> = {
  seats: "Pending invitations count until accepted, revoked or expired",
  activeDesigns: "Archived designs do not count",
  sharedCatalogs: "Revoked shares do not count",
};

/** New studios try the middle plan for this long. */
export const TRIAL_PLAN: PlanKey = "STUDIO";
export const TRIAL_DAYS = 14;
/** After a failed payment, the studio keeps full access this long before plan-gated creation stops. */
export const PAST_DUE_GRACE_DAYS = 7;

export function isPlanKey(value: unknown): value is PlanKey {
  return typeof value === "string" && (PLAN_KEYS as readonly string[]).includes(value);
}

export type PriceIds = Partial<Record<Plan["priceEnv"], string | undefined>>;

/** Stripe price id -> plan, from the configured price ids; null for a price we do not know. */
export function planForPrice(priceId: string | null | undefined, prices: PriceIds): PlanKey | null {
  if (!priceId) return null;
  for (const plan of Object.values(PLANS)) {
    if (prices[plan.priceEnv] === priceId) return plan.key;
  }
  return null;
}

export function priceForPlan(plan: PlanKey, prices: PriceIds): string | null {
  return prices[PLANS[plan].priceEnv] || null;
}
