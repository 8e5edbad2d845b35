// `npm run db:seed`: adds the demo studio to DATABASE_URL's database (idempotent).
import { DEMO_LOGIN, seedDemo } from "../src/server/demo/seed-demo";

const { systemDb, disconnectDb } = await import("../src/server/db");
const { created } = await seedDemo(systemDb());
await disconnectDb();
console.log(created ? `Demo studio created. Sign in as ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}` : "Demo studio already present.");
