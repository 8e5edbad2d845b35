// `npm run dev`: a real PostgreSQL (embedded when DATABASE_URL is unset), migrations, the demo studio, then the
// Next.js dev server (scripts/server.ts) and the worker.
import { runApp } from "./lib/run-app";

await runApp({ dev: true });
