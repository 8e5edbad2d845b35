// Preload for every Node process that runs the app's server code outside Next.js (tsx scripts, the worker,
// the cluster's instances): `node --import ./scripts/lib/server-only-preload.mjs`, or `tsx --import ...`.
// The root server modules (db, env, auth, mail, Stripe, tRPC) start with `import "server-only"`, which throws
// under Node's default condition so that a client bundle importing them fails the build. Next.js resolves it
// with the `react-server` condition (an empty module) on the server; this hook does the same for that one
// package only, leaving React and everything else on their default exports.
import { register } from "node:module";

register("./server-only-hooks.mjs", import.meta.url);
