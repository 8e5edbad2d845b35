import "server-only";
import { z } from "zod";

// Server configuration, read once. Every variable is documented in .env.example.
/** An empty value (`STRIPE_SECRET_KEY=` copied from .env.example) means unset. */
const blankAsUnset = <T extends z.ZodType>(type: T) => z.preprocess((value) => (value === "" ? undefined : value), type);

const poolMaxSchema = z.coerce.number().int().min(1).max(100).default(10);

/** Connections per pool, readable without the rest of the configuration (the tRPC layer's fair share). */
export function dbPoolMax(): number {
  return poolMaxSchema.parse(process.env.DB_POOL_MAX);
}

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL" }),
  APP_DATABASE_URL: z.string().url().optional(),
  // The owner's connection straight to PostgreSQL when DATABASE_URL goes through a transaction pooler
  // (PgBouncer): LISTEN for live updates needs a session of its own. Defaults to DATABASE_URL.
  DIRECT_DATABASE_URL: blankAsUnset(z.string().url().optional()),
  DB_POOL_MAX: poolMaxSchema,
  // The client gives up on a query after this long (0 = never): cuts requests in flight when the server is
  // frozen or unreachable. A little above the app role's 5 s statement_timeout, which stops slow queries first.
  DB_QUERY_TIMEOUT_MS: z.coerce.number().int().min(0).default(6_000),
  // How many reverse proxies in front of the app append to X-Forwarded-For (0 = none: the socket's address
  // is the client's, and X-Forwarded-For is ignored).
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  // Billing (optional: without STRIPE_SECRET_KEY billing shows "not configured" and studios keep their plan).
  STRIPE_SECRET_KEY: blankAsUnset(z.string().optional()),
  STRIPE_WEBHOOK_SECRET: blankAsUnset(z.string().optional()),
  STRIPE_PRICE_SOLO: blankAsUnset(z.string().optional()),
  STRIPE_PRICE_STUDIO: blankAsUnset(z.string().optional()),
  STRIPE_PRICE_WORKSHOP: blankAsUnset(z.string().optional()),
  // Tests only: point stripe-node at a local Stripe API double. Never set in production.
  STRIPE_API_HOST: blankAsUnset(z.string().optional()),
  STRIPE_API_PORT: blankAsUnset(z.coerce.number().int().min(1).max(65535).optional()),
  STRIPE_API_PROTOCOL: blankAsUnset(z.enum(["http", "https"]).optional()),
  // Public URL of the app, for Stripe return URLs (falls back to NEXTAUTH_URL).
  APP_URL: blankAsUnset(z.string().url().optional()),
});

export type ServerEnv = z.infer<typeof schema>;

let cached: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
      throw new Error(`Invalid server configuration:\n  ${problems.join("\n  ")}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** Tests that point the app at another database reset the cached configuration. */
export const serverEnvForTests = {
  reset() {
    cached = undefined;
  },
};
