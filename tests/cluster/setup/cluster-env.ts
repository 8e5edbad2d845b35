// What the test cluster runs with, shared by the global setup and the tests that state bounds.

/** The planner's improvement budget: short, so 100 runs fit in seconds. */
export const PLAN_TIME_LIMIT_MS = 100;
/** A worker's lease on a run: a killed worker's run is taken over this long after its last renewal. */
export const PLAN_JOB_LEASE_MS = 4_000;
/** How often an idle worker looks for work (scripts/worker.ts). */
export const WORKER_POLL_MS = 1_000;

export const STRIPE = { secret: "sk_test_cluster", webhookSecret: "whsec_cluster_test_secret", prices: { SOLO: "price_solo_test", STUDIO: "price_studio_test", WORKSHOP: "price_workshop_test" } };

export const CLUSTER_TEST_ENV: Record<string, string> = {
  PLAN_TIME_LIMIT_MS: String(PLAN_TIME_LIMIT_MS),
  PLAN_JOB_LEASE_MS: String(PLAN_JOB_LEASE_MS),
  STRIPE_SECRET_KEY: STRIPE.secret,
  STRIPE_WEBHOOK_SECRET: STRIPE.webhookSecret,
  STRIPE_PRICE_SOLO: STRIPE.prices.SOLO,
  STRIPE_PRICE_STUDIO: STRIPE.prices.STUDIO,
  STRIPE_PRICE_WORKSHOP: STRIPE.prices.WORKSHOP,
};

export type ClusterInfo = {
  url: string;
  instances: Array<{ name: string; url: string }>;
  statsPort: number;
  dataDir: string;
  logDir: string;
  urls: { direct: string; directApp: string; pooled: string; pooledApp: string };
  nextauthSecret: string;
};
