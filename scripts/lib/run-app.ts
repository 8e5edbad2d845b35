import { DEMO_ASSISTANT, DEMO_LOGIN } from "../../src/server/demo/seed-demo";
import { prepareLocalDatabase } from "./local-database";
import { choosePort } from "./ports";
import { runNext } from "./run-next";

const log = (line: string) => console.log(`[benchflow] ${line}`);

/**
 * `npm run dev` / `npm start`: a free port (or a clear message about the one asked for), a real PostgreSQL
 * (embedded and supervised when DATABASE_URL is unset), migrations, the demo studio, then the web server and
 * the worker. Any failure to get there ends with one clear line, not a stack trace.
 */
export async function runApp(options: { dev: boolean }): Promise<void> {
  try {
    const hostname = options.dev ? undefined : (process.env.HOSTNAME_BIND ?? "127.0.0.1");
    const port = await choosePort({ what: "the web server", envVar: "PORT", explicit: process.env.PORT, preferred: 3000, host: hostname, log });
    process.env.PORT = String(port);
    const database = await prepareLocalDatabase(log, { supervise: true });
    Object.assign(process.env, database.env);

    if (database.embedded || process.env.SEED_DEMO === "1") {
      const { seedDemo } = await import("../../src/server/demo/seed-demo");
      const { systemDb, disconnectDb } = await import("../../src/server/db");
      const { created } = await seedDemo(systemDb());
      await disconnectDb();
      log(created ? "Seeded the demo studio." : "Demo studio already present.");
      log(`Demo owner:     ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
      log(`Demo assistant: ${DEMO_ASSISTANT.email} / ${DEMO_ASSISTANT.password}`);
    }
    log(`Open http://localhost:${port}`);
    runNext({ dev: options.dev, port, hostname }, database);
  } catch (error) {
    console.error(`[benchflow] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
