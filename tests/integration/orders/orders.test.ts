import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, errorCode } from "../../helpers/caller";
import { addMember } from "../../helpers/factories";
import { inDays, ordersWorld } from "./fixtures";

describe("orders", () => {
  let world: Awaited<ReturnType<typeof ordersWorld>>;
  beforeAll(async () => {
    world = await ordersWorld();
  });

  it("lists own and shared designs' variants as orderable", () => {
    expect(world.ownVariants).toHaveLength(2);
    expect(world.sharedVariants).toHaveLength(2);
    expect(world.ownVariants[0]!.sku).toMatch(/^RING-.+-SIZE6$/);
  });

  it("creates an order with an own and a shared variant, numbers it and pins the shared version", async () => {
    const { b, caller, ownVariants, sharedVariants, db } = world;
    const shared = sharedVariants[0]!;
    const created = await caller.order.create({
      studioId: b.studio.id,
      order: {
        kind: "WHOLESALE",
        customerName: "Gallery North",
        notes: "",
        lines: [
          { variantId: ownVariants[0]!.variantId, quantity: 12, dueDate: inDays(10) },
          { variantId: shared.variantId, quantity: 3, dueDate: inDays(5) },
        ],
      },
    });
    const second = await caller.order.create({
      studioId: b.studio.id,
      order: { kind: "CUSTOMER", customerName: "Ann", notes: "", lines: [{ variantId: ownVariants[1]!.variantId, quantity: 1, dueDate: inDays(3) }] },
    });
    expect(second.number).toBe(created.number + 1);

    const order = await caller.order.get({ studioId: b.studio.id, id: created.id });
    expect(order.lines.map((l) => [l.quantity, l.variantId, l.designVersionId])).toEqual([
      [12, ownVariants[0]!.variantId, ownVariants[0]!.designVersionId],
      [3, shared.variantId, shared.designVersionId],
    ]);
    expect(await db.designVersionUse.count({ where: { studioId: b.studio.id, designVersionId: shared.designVersionId } })).toBe(1);

    const list = await caller.order.list({ studioId: b.studio.id, search: "gallery" });
    expect(list.map((o) => o.id)).toEqual([created.id]);
    expect(list[0]!.pieces).toBe(15);
  });

  it("refuses a variant of a design that is neither own nor shared", async () => {
    const { b, caller } = world;
    const stranger = await ordersWorld();
    const foreignVariant = stranger.ownVariants[0]!.variantId;
    const code = await errorCode(
      caller.order.create({
        studioId: b.studio.id,
        order: { kind: "CUSTOMER", customerName: "X", notes: "", lines: [{ variantId: foreignVariant, quantity: 1, dueDate: inDays(3) }] },
      }),
    );
    expect(code).toBe("NOT_FOUND");
    expect(await world.db.order.count({ where: { studioId: b.studio.id, customerName: "X" } })).toBe(0);
  });

  it("validates lines and changes status with a version check", async () => {
    const { b, caller, ownVariants } = world;
    expect(
      await errorCode(caller.order.create({ studioId: b.studio.id, order: { kind: "CUSTOMER", customerName: "", notes: "", lines: [] } })),
    ).toBe("BAD_REQUEST");
    const { id } = await caller.order.create({
      studioId: b.studio.id,
      order: { kind: "RESTOCK", customerName: "", notes: "", lines: [{ variantId: ownVariants[0]!.variantId, quantity: 2, dueDate: inDays(7) }] },
    });
    await caller.order.setStatus({ studioId: b.studio.id, id, expectedVersion: 0, status: "CANCELLED" });
    expect(await errorCode(caller.order.setStatus({ studioId: b.studio.id, id, expectedVersion: 0, status: "OPEN" }))).toBe("CONFLICT");
    const order = await caller.order.get({ studioId: b.studio.id, id });
    expect(order.status).toBe("CANCELLED");
    expect(order.lines[0]!.status).toBe("CANCELLED");
    expect((await caller.order.list({ studioId: b.studio.id, status: "CANCELLED" })).map((o) => o.id)).toContain(id);
  });

  it("lets an assistant read orders but not create them", async () => {
    const { b, ownVariants } = world;
    const assistant = callerFor(await addMember(b.studio.id, "ASSISTANT"));
    expect(Array.isArray(await assistant.order.list({ studioId: b.studio.id }))).toBe(true);
    expect(
      await errorCode(
        assistant.order.create({
          studioId: b.studio.id,
          order: { kind: "CUSTOMER", customerName: "", notes: "", lines: [{ variantId: ownVariants[0]!.variantId, quantity: 1, dueDate: inDays(2) }] },
        }),
      ),
    ).toBe("FORBIDDEN");
  });
});
