import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

// Produces migration SQL from two Prisma schemas offline, with the Prisma 6 CLI (installed as the
// `prisma6` alias) whose WASM schema engine needs no download. It only needs *some* reachable
// PostgreSQL for its driver adapter; nothing is read from or written to that database.

const run = promisify(execFile);
const projectRoot = path.resolve(import.meta.dirname, "../../..");

/** Prisma 7 schema -> Prisma 6 schema: v6 wants the url in the datasource; generators are irrelevant. */
export function toV6Schema(schema: string): string {
  const withoutGenerators = schema.replace(/^generator\s+\w+\s*\{[^}]*\}\s*$/gm, "");
  return withoutGenerators.replace(/datasource\s+db\s*\{/, 'datasource db {\n  url = env("DATABASE_URL")');
}

export async function diffSchemas(options: {
  from: string | null; // null = empty database
  to: string;
  databaseUrl: string;
}): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), "benchflow-diff-"));
  try {
    writeFileSync(path.join(dir, "to.prisma"), toV6Schema(options.to));
    if (options.from !== null) writeFileSync(path.join(dir, "from.prisma"), toV6Schema(options.from));
    const configPath = path.join(dir, "prisma.config.ts");
    writeFileSync(
      configPath,
      [
        `import { PrismaPg } from ${JSON.stringify(path.join(projectRoot, "node_modules/@prisma/adapter-pg/dist/index.mjs"))};`,
        "export default {",
        '  schema: "to.prisma",',
        '  engine: "js",',
        "  experimental: { adapter: true },",
        `  adapter: async () => new PrismaPg({ connectionString: ${JSON.stringify(options.databaseUrl)} }),`,
        "};",
      ].join("\n"),
    );
    const from = options.from === null ? ["--from-empty"] : ["--from-schema-datamodel", "from.prisma"];
    const cli = path.join(projectRoot, "node_modules/prisma6/build/index.js");
    const { stdout } = await run(
      process.execPath,
      [cli, "migrate", "diff", ...from, "--to-schema-datamodel", "to.prisma", "--script", "--config", configPath],
      {
        cwd: dir,
        env: {
          ...process.env,
          DATABASE_URL: options.databaseUrl,
          PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
          PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
          PRISMA_HIDE_UPDATE_MESSAGE: "1",
        },
        maxBuffer: 32 * 1024 * 1024,
      },
    );
    return stdout.replace(/^Loaded Prisma config.*\n+/m, "");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The whole data model: every .prisma file of prisma/schema/, in name order, as one text. */
export function readSchema(dir = path.join(projectRoot, "prisma/schema")): string {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".prisma"))
    .sort()
    .map((file) => `// ${file}\n${readFileSync(path.join(dir, file), "utf8")}`)
    .join("\n");
}
