// `npm run db:migrate`: applies pending migrations to DATABASE_URL (what `prisma migrate deploy` does).
import { migrate } from "../src/server/db/migrate";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL to the database to migrate.");
  process.exit(1);
}
const result = await migrate(url, { log: (line) => console.log(line) });
console.log(`${result.applied.length} applied, ${result.alreadyApplied} already applied.`);
