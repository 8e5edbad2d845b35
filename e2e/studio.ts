import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import path from "node:path";
import { expect } from "@playwright/test";
import { fillDemoWorkshop, type StudioApi } from "../src/server/demo/demo-workshop";

// A spec's own studio, made through the app's own endpoints (the tRPC procedures and next-auth's sign-in, over
// HTTP) as its owner and an invited assistant would: no SQL, no shared demo studio to rename or fill.
// Each studio is made from its own loopback address, so its sign-ups and sign-ins spend no other spec's
// per-address allowance.

const port = Number(process.env.E2E_PORT ?? 3100);
const mailDir = path.resolve(`.data/e2e-${port}/mail`);
export const STUDIO_PASSWORD = "a bench full of silver";

type Person = { name: string; email: string; password: string };
export type OwnStudio = { id: string; name: string; slug: string; owner: Person; assistant: Person; api: StudioApi };

/** One HTTP client with its own cookies, from one loopback address. */
function client(source: string) {
  const cookies = new Map<string, string>();
  function send(method: "GET" | "POST", pathname: string, body?: string, type = "application/json") {
    return new Promise<{ status: number; text: string }>((resolve, reject) => {
      const headers: Record<string, string | number> = { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; ") };
      if (body !== undefined) Object.assign(headers, { "content-type": type, "content-length": Buffer.byteLength(body) });
      const req = httpRequest({ host: "127.0.0.1", port, localAddress: source, method, path: pathname, headers }, (res) => {
        for (const line of res.headers["set-cookie"] ?? []) {
          const [pair] = line.split(";");
          const at = pair!.indexOf("=");
          cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
        }
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on("error", reject);
      req.end(body);
    });
  }
  /** A tRPC call (a mutation, or a query when the server answers 405 to the POST); its data, or the server's message thrown. */
  async function call<T = unknown>(procedure: string, input: unknown): Promise<T> {
    const payload = JSON.stringify({ 0: { json: input } });
    let { status, text } = await send("POST", `/api/trpc/${procedure}?batch=1`, payload);
    if (status === 405) ({ status, text } = await send("GET", `/api/trpc/${procedure}?batch=1&input=${encodeURIComponent(payload)}`));
    const parsed = JSON.parse(text) as unknown;
    const [answer] = (Array.isArray(parsed) ? parsed : [parsed]) as Array<{ result?: { data: { json: T } }; error?: { json: { message: string } } }>;
    if (status !== 200 || !answer?.result) throw new Error(`${procedure} answered ${status}: ${answer?.error?.json.message ?? text}`);
    return answer.result.data.json;
  }
  return {
    mutate: call,
    /** The app's procedures as `api.stations.create(input)`, like the in-process caller the seeds use. */
    api: (function at(path: string[]): unknown {
      return new Proxy(() => {}, {
        get: (_target, key) => (typeof key === "string" && key !== "then" ? at([...path, key]) : undefined),
        apply: (_target, _this, args: unknown[]) => call(path.join("."), args[0]),
      });
    })([]) as StudioApi,
    async signIn(email: string, password: string) {
      const { text } = await send("GET", "/api/auth/csrf");
      const { csrfToken } = JSON.parse(text) as { csrfToken: string };
      const form = new URLSearchParams({ csrfToken, email, password, json: "true" }).toString();
      await send("POST", "/api/auth/callback/credentials", form, "application/x-www-form-urlencoded");
      if (![...cookies.keys()].some((name) => name.endsWith("next-auth.session-token"))) throw new Error(`could not sign in as ${email}`);
    },
  };
}

/** The newest link of `kind` ("verify-email", "invite") mailed to `to` (mails are files: no SMTP in e2e). */
async function mailedToken(to: string, kind: string): Promise<string> {
  let token: string | undefined;
  await expect
    .poll(() => {
      // The folder appears with the server's first mail (the first spec of a run may ask before it exists).
      const mails = (existsSync(mailDir) ? readdirSync(mailDir) : []).filter((name) => name.endsWith(".json")).sort().reverse()
        .map((name) => JSON.parse(readFileSync(path.join(mailDir, name), "utf8")) as { to: string; links: string[] });
      const link = mails.find((mail) => mail.to === to && mail.links.some((href) => href.includes(`/${kind}/`)))?.links.find((href) => href.includes(`/${kind}/`));
      token = link ? new URL(link).pathname.split("/").pop() : undefined;
      return token;
    }, { message: `a ${kind} mail to ${to}`, timeout: 15_000 })
    .toBeTruthy();
  return token!;
}

/**
 * A new studio (Europe/London, the demo's working hours: Mon–Fri 09:00–17:00, Sat 10:00–14:00) with a confirmed
 * owner and an assistant who joined from the mailed invitation. People keep the demo's names so specs read the
 * same; addresses are unique. `roundTheClock`: every hour of every day instead, so a plan starts now whenever the
 * spec runs. `workshop`: also the demo's stations, materials, designs, orders and first plan,
 * made through the same procedures as the demo seed (src/server/demo/demo-workshop.ts).
 */
export async function createOwnStudio(name: string, options: { workshop?: boolean; roundTheClock?: boolean } = {}): Promise<OwnStudio> {
  const tag = randomUUID().slice(0, 8);
  const source = `127.${Math.floor(Math.random() * 200) + 20}.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}`;
  const owner = { name: "Rosa Demo", email: `owner-${tag}@example.test`, password: STUDIO_PASSWORD };
  const assistant = { name: "Theo Assistant", email: `assistant-${tag}@example.test`, password: STUDIO_PASSWORD };
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}-${tag}`;

  const asOwner = client(source);
  await asOwner.mutate("auth.signUp", owner);
  await asOwner.mutate("auth.verifyEmail", { token: await mailedToken(owner.email, "verify-email") });
  await asOwner.signIn(owner.email, owner.password);
  const workingHours = options.roundTheClock
    ? [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: "00:00", end: "23:59" }))
    : [...[1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })), { weekday: 6, start: "10:00", end: "14:00" }];
  const studio = await asOwner.mutate<{ id: string }>("studio.create", { name, slug, timeZone: "Europe/London", workingHours, locale: "en-GB" });
  await asOwner.mutate("team.invite", { studioId: studio.id, email: assistant.email, role: "ASSISTANT" });

  const asAssistant = client(source);
  const inviteToken = await mailedToken(assistant.email, "invite");
  await asAssistant.mutate("auth.signUp", { ...assistant, inviteToken });
  await asAssistant.signIn(assistant.email, assistant.password);
  await asAssistant.mutate("team.acceptInvite", { token: inviteToken });
  if (options.workshop) await fillDemoWorkshop(asOwner.api, studio.id, () => plannerFinished(asOwner.api, studio.id));
  return { id: studio.id, name, slug, owner, assistant, api: asOwner.api };
}

/** Waits for the studio's requested plan run (the app's job poller runs it) to succeed. */
async function plannerFinished(api: StudioApi, studioId: string) {
  await expect
    .poll(async () => {
      const { active, last } = await api.planning.latestRuns({ studioId });
      return active ? "RUNNING" : last?.status;
    }, { message: "the plan run", timeout: 60_000 })
    .toBe("SUCCEEDED");
}

/**
 * One batch of `pieces` pieces at a step named `stepName`, made as a studio would: a one-step design at a station
 * of its own, an order for it due in 3 days, and a plan. Answers the batch's id.
 * `moveTo`: then the owner moves it on the board (planning.moveBatch) to that start and, with `person:
 * "assistant"`, to the assistant, e.g. to yesterday to make it overdue (the studio's hours must include that time:
 * `roundTheClock`).
 */
export async function seedBatch(studio: OwnStudio, options: { stepName: string; pieces: number; customerName: string; design: [name: string, variant: string, sku: string]; moveTo?: { startAt: Date; person?: "assistant" } }): Promise<string> {
  const { api } = studio;
  const s = { studioId: studio.id };
  const [designName, variantName, sku] = options.design;
  const station = await api.stations.create({ ...s, station: { name: `${options.stepName} bench`, kind: "OTHER", count: 1, unattended: false, loadCapacity: null, runSeconds: null } });
  const catalogId = (await api.catalog.list(s)).find((catalog) => catalog.own)!.id;
  const step = { name: options.stepName, stationId: station.id, setupSeconds: 600, secondsPerPiece: 300, batchable: true, batchFamily: `e2e-${sku}`, maxBatchSize: 30, unattendedRunSeconds: null };
  const design = await api.catalog.designs.create({ ...s, design: { name: designName, sku, description: "", photoUrl: null, catalogIds: [catalogId], steps: [step], variants: [{ name: variantName, bom: [], overrides: [] }] } });
  const variant = (await api.order.orderableVariants(s)).find((v) => v.designId === design.id && v.variantName === variantName)!;
  const dueDate = new Date(Date.now() + 3 * 86_400_000).toLocaleDateString("en-CA", { timeZone: "Europe/London" });
  await api.order.create({ ...s, order: { kind: "CUSTOMER", customerName: options.customerName, notes: "", lines: [{ variantId: variant.variantId, quantity: options.pieces, dueDate }] } });
  await api.planning.requestPlan(s);
  await plannerFinished(api, studio.id);
  const { batches } = await api.planning.currentPlan({ ...s, from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 21 * 86_400_000) });
  const batch = batches.find((b) => b.stepName === options.stepName);
  if (!batch) throw new Error(`the plan has no ${options.stepName} batch`);
  if (options.moveTo) {
    const personId = options.moveTo.person === "assistant" ? (await api.team.list(s)).find((m) => m.user.email === studio.assistant.email)!.user.id : undefined;
    await api.planning.moveBatch({ ...s, batchId: batch.id, expectedVersion: batch.version, startAt: options.moveTo.startAt, personId });
  }
  return batch.id;
}
