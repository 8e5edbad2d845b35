import { beforeAll, describe, expect, it } from "vitest";
import { addDays, studioToday } from "~/server/time-zone";
import { callerFor } from "../helpers/caller";
import { addMember, makeStudio, verifyEmailOf } from "../helpers/factories";
import { ordersWorld } from "./orders/fixtures";
import { roomyPlan } from "./team/plan";

// Procedures answer explicit shapes, never raw rows: no password hash, token, Stripe id or internal column
// reaches a client because a table grew one. Each answer here has exactly the keys its screen reads.
const keys = (value: object) => Object.keys(value).sort();

describe("explicit outputs", () => {
  let world: Awaited<ReturnType<typeof makeStudio>>;
  beforeAll(async () => {
    world = await makeStudio();
    await roomyPlan(world.studio.id);
    world.owner = await verifyEmailOf(world.owner);
  });

  it("account: the caller's own profile, without the password hash or session version", async () => {
    const caller = callerFor(world.owner);
    const expected = ["createdAt", "email", "emailVerifiedAt", "id", "name"];
    expect(keys(await caller.account.get())).toEqual(expected);
    expect(keys(await caller.account.updateName({ name: "Renamed owner" }))).toEqual(expected);
  });

  it("team: members and invitations carry what the team page shows", async () => {
    const { studio, owner } = world;
    const assistant = await addMember(studio.id, "ASSISTANT");
    const caller = callerFor(owner);
    const members = await caller.team.list({ studioId: studio.id });
    expect(members.map((member) => member.user.id).sort()).toEqual([owner.id, assistant.id].sort());
    for (const member of members) {
      expect(keys(member)).toEqual(["availability", "createdAt", "id", "isYou", "role", "user", "version"]);
      expect(keys(member.user)).toEqual(["email", "id", "name"]);
    }

    const invitation = await caller.team.invite({ studioId: studio.id, email: `outputs-${studio.id}@example.test`, role: "ASSISTANT" });
    expect(keys(invitation)).toEqual(["email", "expiresAt", "id", "role"]);
    const [pending] = await caller.team.listInvites({ studioId: studio.id });
    expect(keys(pending!)).toEqual(["email", "expired", "expiresAt", "id", "invitedByName", "lastSentAt", "role", "sentCount"]);
  });

  it("studios: the studio's settings, role and permissions", async () => {
    const studio = await callerFor(world.owner).studio.get({ studioId: world.studio.id });
    expect(keys(studio)).toEqual([
      "createdAt", "currency", "id", "locale", "memberCount", "name", "permissions", "role", "slug", "timeZone", "unitSystem", "version", "workingHours",
    ]);
  });

  it("billing: plan, usage and limits, never the Stripe customer or subscription ids", async () => {
    const overview = await callerFor(world.owner).billing.overview({ studioId: world.studio.id });
    expect(keys(overview)).toEqual(["limits", "plans", "state", "stripeConfigured", "usage"]);
    expect(JSON.stringify(overview)).not.toMatch(/stripeCustomerId|stripeSubscriptionId|cus_|sub_/);
  });

  it("orders: create answers the new order's id and number; get answers the order's fields, lines and history", async () => {
    const { b, caller, ownVariants } = await ordersWorld();
    const dueDate = addDays(studioToday("Europe/Paris"), 30); // the factory studio's zone
    const created = await caller.order.create({
      studioId: b.studio.id,
      order: { kind: "CUSTOMER", customerName: "Outputs", notes: "", lines: [{ variantId: ownVariants[0]!.variantId, quantity: 2, dueDate }] },
    });
    expect(keys(created)).toEqual(["id", "number"]);
    const order = await caller.order.get({ studioId: b.studio.id, id: created.id });
    expect(keys(order)).toEqual(["createdAt", "customerName", "externalRef", "history", "id", "kind", "lines", "notes", "number", "source", "status", "version"]);
    expect(keys(order.lines[0]!)).toEqual([
      "batchItems", "committedPieces", "designName", "designVersionId", "dueDate", "id", "position", "quantity", "sku", "status", "variantId", "variantName",
    ]);
  });

  it("planning: a run answers its state and figures, never the worker's lease", async () => {
    const caller = callerFor(world.owner);
    const s = { studioId: world.studio.id };
    const runKeys = ["cancelRequested", "createdAt", "figures", "finishedAt", "id", "message", "progress", "reason", "startedAt", "status"];
    const run = await caller.planning.requestPlan(s);
    expect(keys(run)).toEqual(runKeys);
    expect(keys(await caller.planning.getRun({ ...s, runId: run.id }))).toEqual(runKeys);
    const { active } = await caller.planning.latestRuns(s);
    expect(active && keys(active)).toEqual(runKeys);
    await caller.planning.cancelRun({ ...s, runId: run.id });
  });
});
