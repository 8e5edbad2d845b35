// `npm start`: serves a production build (`npm run build` first) on the same database setup as dev.
import { runApp } from "./lib/run-app";

await runApp({ dev: false });
