// `npm start`: serves a production build (`npm run build` first) on the same database setup as dev.
import { seedDemo } from "../src/server/demo/seed-demo";
import { prepareLocalDatabase } from "./lib/local-database";
import { runNext } from "./lib/run-next";

const log = (line: string) => console.log(`[benchflow] ${line}`);
const database = await prepareLocalDatabase(log);
Object.assign(process.env, database.env);
if (database.embedded || process.env.SEED_DEMO === "1") {
  const { systemDb, disconnectDb } = await import("../src/server/db");
  await seedDemo(systemDb());
  await disconnectDb();
}
const port = process.env.PORT ?? "3000";
runNext({ dev: false, port: Number(port), hostname: process.env.HOSTNAME_BIND ?? "127.0.0.1" }, database);
