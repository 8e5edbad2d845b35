import { readFileSync } from "node:fs";
import { parseArgs, runCli, USAGE } from "./run";

try {
  const args = parseArgs(process.argv.slice(2));
  if (!args.file) throw new Error(USAGE);
  const result = runCli(readFileSync(args.file, "utf8"), args);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
}
