import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

// The root server modules start with `import "server-only"`: a client component that imports one (or a feature
// file that does) fails `next build`, because the browser bundle resolves `server-only` to the module that throws.
// These tests check each fenced module imports it first, and load them the way a plain Node process does: without
// the preload the import throws that error, with scripts/lib/server-only-preload.mjs (what the scripts, the worker
// and the cluster use) they load.
const FENCED = [
  "src/server/db/index.ts",
  "src/server/db/client.ts",
  "src/server/db/tenant.ts",
  "src/server/db/errors.ts",
  "src/server/errors.ts",
  "src/server/logger.ts",
  "src/server/audit.ts",
  "src/server/time-zone-sql.ts",
  "src/server/env.ts",
  "src/server/auth.ts",
  "src/server/session.ts",
  "src/server/auth-guards.ts",
  "src/server/mail/index.ts",
  "src/server/mail/transport.ts",
  "src/server/billing/stripe-client.ts",
  "src/server/billing/webhook-handler.ts",
  "src/server/trpc/init.ts",
  "src/server/trpc/context.ts",
  "src/server/trpc/procedures.ts",
  "src/server/trpc/root.ts",
];

// next-auth's CommonJS default exports do not load under plain Node ESM, so only Next.js and Vitest load these two.
const LOADED_ONLY_BY_NEXT = new Set(["src/server/auth.ts", "src/server/auth-guards.ts"]);

const run = promisify(execFile);
const PRELOAD = ["--import", path.resolve("scripts/lib/server-only-preload.mjs")];

/** Imports the files in order in a fresh Node process with the tsx loader; rejects if one fails to load. */
function importAll(files: string[], extraFlags: string[]) {
  const imports = files.map((file) => `await import(${JSON.stringify(path.resolve(file))});`).join("\n");
  return run(process.execPath, ["--import", "tsx", ...extraFlags, "--input-type=module", "-e", `${imports}\nconsole.log("loaded");`], {
    env: { ...process.env, NODE_ENV: "test" },
    timeout: 60_000,
  });
}

describe("server-only fence", () => {
  it("every fenced module imports server-only first", () => {
    for (const file of FENCED) {
      expect(readFileSync(file, "utf8").split("\n")[0], file).toBe('import "server-only";');
    }
  });

  it("refuses to load outside a server bundle, and loads with the scripts' preload", async () => {
    const inScripts = FENCED.filter((file) => !LOADED_ONLY_BY_NEXT.has(file));
    const [bare, preloaded] = await Promise.allSettled([importAll(["src/server/env.ts"], []), importAll(inScripts, PRELOAD)]);
    expect(bare.status).toBe("rejected");
    expect(String((bare as PromiseRejectedResult).reason)).toMatch(/cannot be imported from a Client Component module/);
    expect(preloaded.status === "fulfilled" ? preloaded.value.stdout.trim() : String(preloaded.reason)).toBe("loaded");
  }, 60_000);
});
