// `npm run dev`: a real PostgreSQL (embedded when DATABASE_URL is unset), migrations, the demo studio,
// then the Next.js dev server.
import { seedDemo, DEMO_ASSISTANT, DEMO_LOGIN } from "../src/server/demo/seed-demo";
import { prepareLocalDatabase } from "./lib/local-database";
import { runNext } from "./lib/run-next";

const log = (line: string) => console.log(`[benchflow] ${line}`);
const database = await prepareLocalDatabase(log);
Object.assign(process.env, database.env);

if (database.embedded || process.env.SEED_DEMO === "1") {
  const { systemDb, disconnectDb } = await import("../src/server/db");
  const { created } = await seedDemo(systemDb());
  await disconnectDb();
  log(created ? "Seeded the demo studio." : "Demo studio already present.");
  log(`Demo owner:     ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
  log(`Demo assistant: ${DEMO_ASSISTANT.email} / ${DEMO_ASSISTANT.password}`);
}
const port = process.env.PORT ?? "3000";
log(`Open http://localhost:${port}`);
runNext({ dev: true, port: Number(port) }, database);
