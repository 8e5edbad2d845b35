import { systemDb } from "~/server/db";

export const dynamic = "force-dynamic";

/** Liveness plus database reachability: 200 when PostgreSQL answers within 2 s, 503 otherwise. */
export async function GET() {
  const started = Date.now();
  try {
    await Promise.race([
      systemDb().$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("database check timed out")), 2_000)),
    ]);
    return Response.json({ status: "ok", database: "up", latencyMs: Date.now() - started });
  } catch {
    return Response.json({ status: "degraded", database: "down" }, { status: 503 });
  }
}
