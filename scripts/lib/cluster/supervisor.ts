import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, type WriteStream } from "node:fs";

// One long-lived child process of the cluster (an app instance, a worker, PgBouncer, HAProxy): output appended
// to its own log file (and echoed, prefixed, when asked), restarted with back-off when it dies unexpectedly
// (a killed instance comes back on the same port, so the balancer's health check lets it in again).

export type SupervisedOptions = {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  logFile: string;
  /** Prefix each output line with the name on this process's stdout as well. */
  echo?: boolean;
  /** Restart after an unexpected exit (default true). */
  restart?: boolean;
  /** First restart delay, doubled on each restart up to 10 s (default 500 ms). */
  restartDelayMs?: number;
  log: (line: string) => void;
};

export class Supervised {
  private child: ChildProcess | null = null;
  private stopping = false;
  private restarts = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  private readonly out: WriteStream;
  private exitListeners: Array<(code: number | null, signal: NodeJS.Signals | null) => void> = [];
  private startListeners: Array<(pid: number | null) => void> = [];

  constructor(private readonly options: SupervisedOptions) {
    this.out = createWriteStream(options.logFile, { flags: "a" });
  }

  get name(): string {
    return this.options.name;
  }

  /** The current process id (changes after a restart); null while it is down. */
  pid(): number | null {
    return this.child && this.child.exitCode === null && this.child.signalCode === null ? (this.child.pid ?? null) : null;
  }

  start(): this {
    const child = spawn(this.options.command, this.options.args, {
      cwd: this.options.cwd,
      env: this.options.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    for (const stream of [child.stdout!, child.stderr!]) {
      stream.on("data", (chunk: Buffer) => {
        this.out.write(chunk);
        if (this.options.echo) {
          for (const line of chunk.toString().split("\n")) if (line.trim()) process.stdout.write(`[${this.options.name}] ${line}\n`);
        }
      });
    }
    child.on("error", (error) => this.options.log(`${this.options.name}: ${error.message}`));
    for (const listener of this.startListeners) listener(child.pid ?? null);
    child.on("exit", (code, signal) => {
      for (const listener of this.exitListeners) listener(code, signal);
      if (this.stopping || this.options.restart === false) return;
      const delay = Math.min(10_000, (this.options.restartDelayMs ?? 500) * 2 ** Math.min(this.restarts, 5));
      this.restarts++;
      this.options.log(`${this.options.name} (pid ${child.pid}) exited (${signal ?? `code ${code}`}); restarting in ${delay / 1000} s`);
      this.restartTimer = setTimeout(() => {
        this.restartTimer = null;
        if (!this.stopping) this.start();
      }, delay);
    });
    return this;
  }

  /** Called on every start and restart, with the new process id. */
  onStart(listener: (pid: number | null) => void): void {
    this.startListeners.push(listener);
  }

  /** Called on every exit of the process (before any restart). */
  onExit(listener: (code: number | null, signal: NodeJS.Signals | null) => void): void {
    this.exitListeners.push(listener);
  }

  /** Sends a signal to the running process without stopping supervision (tests kill instances this way). */
  kill(signal: NodeJS.Signals = "SIGKILL"): number | null {
    const pid = this.pid();
    if (pid !== null) this.child!.kill(signal);
    return pid;
  }

  /** Stops supervision and the process: SIGTERM, then SIGKILL after `graceMs`. */
  async stop(graceMs = 5_000): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    }
    await new Promise<void>((resolve) => this.out.end(resolve));
  }
}
