import { beforeAll, describe, expect, it } from "vitest";
import { runNextPlanJob } from "~/features/planning/server/plan-job";
import { endOfStudioDay } from "~/server/time-zone";
import { errorCode } from "../../helpers/caller";
import { NOW, planNow, planningWorld } from "../planning/fixtures";
import { inDays, ordersWorld } from "./fixtures";

describe("editing orders", () => {
  let world: Awaited<ReturnType<typeof ordersWorld>>;
  beforeAll(async () => {
    world = await ordersWorld();
  });

  async function newOrder() {
    const { b, caller, ownVariants } = world;
    const created = await caller.order.create({
      studioId: b.studio.id,
      order: {
        kind: "CUSTOMER",
        customerName: "Ana",
        notes: "",
        lines: [
          { variantId: ownVariants[0]!.variantId, quantity: 4, dueDate: inDays(10) },
          { variantId: ownVariants[1]!.variantId, quantity: 2, dueDate: inDays(12) },
        ],
      },
    });
    return caller.order.get({ studioId: b.studio.id, id: created.id });
  }

  it("changes the customer and lines (quantity, due date, variant, added and removed) and records who changed what", async () => {
    const { b, caller, ownVariants, sharedVariants, db } = world;
    const order = await newOrder();
    const [first] = order.lines;
    const saved = await caller.order.update({
      studioId: b.studio.id,
      id: order.id,
      expectedVersion: order.version,
      order: {
        kind: "WHOLESALE",
        customerName: "Ana Gallery",
        notes: "Gift wrap",
        lines: [
          { id: first!.id, variantId: ownVariants[1]!.variantId, quantity: 6, dueDate: inDays(8) },
          { variantId: sharedVariants[0]!.variantId, quantity: 1, dueDate: inDays(20) },
        ],
      },
    });
    expect(saved).toEqual({ id: order.id, version: order.version + 1, replan: "none" });
    const after = await caller.order.get({ studioId: b.studio.id, id: order.id });
    expect(after).toMatchObject({ kind: "WHOLESALE", customerName: "Ana Gallery", notes: "Gift wrap", version: order.version + 1 });
    expect(after.lines.map((l) => [l.position, l.variantId, l.quantity, l.dueDate.toISOString().slice(0, 10), l.status])).toEqual([
      [0, ownVariants[1]!.variantId, 6, inDays(8), "OPEN"],
      [2, sharedVariants[0]!.variantId, 1, inDays(20), "OPEN"],
    ]);
    // The removed line had never been planned: it is gone, not kept as a cancelled row.
    expect(await db.orderLine.count({ where: { orderId: order.id } })).toBe(2);
    // A shared variant added by an edit is pinned like one added at creation.
    expect(await db.designVersionUse.count({ where: { studioId: b.studio.id, designVersionId: sharedVariants[0]!.designVersionId } })).toBe(1);
    expect(after.history).toHaveLength(1);
    expect(after.history[0]!.by).toBe(b.owner.name);
    expect(after.history[0]!.summary).toContain("quantity: 4 → 6");
    expect(after.history[0]!.summary).toContain("Customer: Ana → Ana Gallery");
    expect(after.history[0]!.summary).toContain("Removed Line 2");
  });

  it("answers a stale edit with CONFLICT and changes nothing", async () => {
    const { b, caller } = world;
    const order = await newOrder();
    const lines = order.lines.map((l) => ({ id: l.id, variantId: l.variantId, quantity: l.quantity, dueDate: l.dueDate.toISOString().slice(0, 10) }));
    await caller.order.update({ studioId: b.studio.id, id: order.id, expectedVersion: order.version, order: { kind: "CUSTOMER", customerName: "First", notes: "", lines } });
    const code = await errorCode(
      caller.order.update({ studioId: b.studio.id, id: order.id, expectedVersion: order.version, order: { kind: "CUSTOMER", customerName: "Second", notes: "", lines } }),
    );
    expect(code).toBe("CONFLICT");
    expect((await caller.order.get({ studioId: b.studio.id, id: order.id })).customerName).toBe("First");
  });

  it("refuses due dates in the past with a clear message, but keeps an overdue line's unchanged date", async () => {
    const { b, caller, ownVariants, db } = world;
    const create = caller.order.create({
      studioId: b.studio.id,
      order: { kind: "CUSTOMER", customerName: "Late", notes: "", lines: [{ variantId: ownVariants[0]!.variantId, quantity: 1, dueDate: inDays(-3) }] },
    });
    await expect(create).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^Line 1: the due date \d{4}-\d{2}-\d{2} is in the past/) });

    const order = await newOrder();
    const [first, second] = order.lines;
    // An order that became overdue can still be edited without touching its date.
    await db.orderLine.update({ where: { id: first!.id }, data: { dueDate: endOfStudioDay("Europe/Paris", inDays(-2)) /* the factory studio's zone */ } });
    const kept = { id: first!.id, variantId: first!.variantId, quantity: 5, dueDate: inDays(-2) };
    const other = { id: second!.id, variantId: second!.variantId, quantity: 2, dueDate: inDays(12) };
    await caller.order.update({ studioId: b.studio.id, id: order.id, expectedVersion: order.version, order: { kind: "CUSTOMER", customerName: "Ana", notes: "", lines: [kept, other] } });
    const moved = caller.order.update({
      studioId: b.studio.id, id: order.id, expectedVersion: order.version + 1,
      order: { kind: "CUSTOMER", customerName: "Ana", notes: "", lines: [kept, { ...other, dueDate: inDays(-1) }] },
    });
    await expect(moved).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("is in the past") });

    const importing = caller.order.importPreview({ studioId: b.studio.id, csv: "Sale Date,Item Name,Buyer,Quantity,Order ID,SKU\n1/1/26,Ring,Ana,1,E-1,X", dueDate: inDays(-1), kind: "CUSTOMER" });
    await expect(importing).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/^Due date: the due date/) });
  });

  it("refuses to edit a cancelled order, and a cancelled order cannot be marked done before it is reopened", async () => {
    const { b, caller } = world;
    const order = await newOrder();
    const cancelled = await caller.order.setStatus({ studioId: b.studio.id, id: order.id, expectedVersion: order.version, status: "CANCELLED" });
    expect(cancelled.status).toBe("CANCELLED");
    const lines = order.lines.map((l) => ({ id: l.id, variantId: l.variantId, quantity: l.quantity, dueDate: l.dueDate.toISOString().slice(0, 10) }));
    await expect(
      caller.order.update({ studioId: b.studio.id, id: order.id, expectedVersion: order.version + 1, order: { kind: "CUSTOMER", customerName: "X", notes: "", lines } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "This order is cancelled. Reopen it before changing it." });
    await expect(caller.order.setStatus({ studioId: b.studio.id, id: order.id, expectedVersion: order.version + 1, status: "DONE" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "This order is cancelled. Reopen it first.",
    });
    await caller.order.setStatus({ studioId: b.studio.id, id: order.id, expectedVersion: order.version + 1, status: "OPEN" });
    const reopened = await caller.order.get({ studioId: b.studio.id, id: order.id });
    expect(reopened.status).toBe("OPEN");
    expect(reopened.lines.every((l) => l.status === "OPEN")).toBe(true);
    expect(reopened.history.map((h) => h.summary)).toEqual(["Status: Cancelled → Open", "Status: Open → Cancelled"]);
  });

  it("refuses a line id of another order", async () => {
    const { b, caller } = world;
    const one = await newOrder();
    const two = await newOrder();
    const foreign = two.lines[0]!;
    const code = await errorCode(
      caller.order.update({
        studioId: b.studio.id, id: one.id, expectedVersion: one.version,
        order: { kind: "CUSTOMER", customerName: "X", notes: "", lines: [{ id: foreign.id, variantId: foreign.variantId, quantity: 1, dueDate: inDays(9) }] },
      }),
    );
    expect(code).toBe("NOT_FOUND");
  });
});

describe("editing a planned order", () => {
  it("queues a re-plan so the plan follows the new quantity, and protects pieces already started", async () => {
    const world = await planningWorld({ size6: 4, size9: 3 });
    const { studio, caller, db, orders } = world;
    await planNow(caller, studio.id);
    const order = await caller.order.get({ studioId: studio.id, id: orders[0]!.id });
    const line = order.lines[0]!;
    const saved = await caller.order.update({
      studioId: studio.id, id: order.id, expectedVersion: order.version,
      order: { kind: order.kind, customerName: order.customerName, notes: order.notes, lines: [{ id: line.id, variantId: line.variantId, quantity: 7, dueDate: line.dueDate.toISOString().slice(0, 10) }] },
    });
    expect(saved.replan).toBe("queued");
    // A second edit while that run waits does not queue another.
    const again = await caller.order.update({
      studioId: studio.id, id: order.id, expectedVersion: saved.version,
      order: { kind: order.kind, customerName: "Ana B.", notes: order.notes, lines: [{ id: line.id, variantId: line.variantId, quantity: 8, dueDate: line.dueDate.toISOString().slice(0, 10) }] },
    });
    expect(again.replan).toBe("busy");
    expect(await runNextPlanJob({ timeLimitMs: 50, now: NOW, studioId: studio.id })).toMatchObject({ status: "SUCCEEDED" });
    const items = await db.batchItem.findMany({ where: { orderLineId: line.id } });
    expect(items.filter((i) => i.stepPosition === 0).reduce((sum, i) => sum + i.pieces, 0)).toBe(8);

    // Start the first step's batch: those pieces are committed.
    const firstStep = items.find((i) => i.stepPosition === 0)!;
    await db.batch.update({ where: { id: firstStep.batchId }, data: { status: "STARTED" } });
    const fresh = await caller.order.get({ studioId: studio.id, id: order.id });
    expect(fresh.lines[0]!.committedPieces).toBe(8);
    const edit = (lines: Array<{ id?: string; variantId: string; quantity: number; dueDate: string }>) =>
      caller.order.update({ studioId: studio.id, id: order.id, expectedVersion: fresh.version, order: { kind: order.kind, customerName: "Ana", notes: "", lines } });
    const due = line.dueDate.toISOString().slice(0, 10);
    await expect(edit([{ id: line.id, variantId: line.variantId, quantity: 5, dueDate: due }])).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("cannot go below 8") });
    await expect(edit([{ id: line.id, variantId: world.size9.variantId, quantity: 8, dueDate: due }])).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("cannot change") });
    await expect(edit([{ variantId: world.size9.variantId, quantity: 1, dueDate: due }])).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("cannot be removed") });
    expect((await caller.order.get({ studioId: studio.id, id: order.id })).version).toBe(fresh.version);
  });
});
