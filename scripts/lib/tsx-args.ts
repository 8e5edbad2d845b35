import path from "node:path";

/** Node flags for a child process that runs the app's server code through tsx: the tsx loader and the
 * `server-only` preload (server-only-preload.mjs). Put them before the script: `node ...TSX_NODE_ARGS script.ts`. */
export const TSX_NODE_ARGS = ["--import", "tsx", "--import", path.resolve("scripts/lib/server-only-preload.mjs")];
