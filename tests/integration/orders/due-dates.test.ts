import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadProblem } from "~/features/planning/server/problem";
import { systemDb, withTenant } from "~/server/db";
import { addDays, dayOf, studioToday } from "~/server/time-zone";
import { ordersWorld } from "./fixtures";

// A due day is the end of that day in the studio's zone: "due 17 January" in Sydney (UTC+11 in summer) ends
// at 12:59:59.999 UTC, in Kolkata (UTC+5:30) at 18:29:59.999 UTC. The day a screen shows is the same day.

const ETSY_HEADER =
  "Sale Date,Item Name,Buyer,Quantity,Price,Coupon Code,Coupon Details,Discount Amount,Delivery Discount,Order Shipping,Order Sales Tax,Item Total,Currency,Transaction ID,Listing ID,Date Paid,Date Shipped,Ship Name,Order ID,Variations,SKU";
const etsyRow = (order: string, sku: string) => `11/20/25,Stacking ring,Ana,2,45.00,,,0,0,5,0,45.00,USD,t1,l1,11/20/25,,Ana,${order},Size 6,${sku}`;

/** The wall clock in a zone at an instant, read through Intl ("2031-01-17 23:59:59"). */
const wall = (timeZone: string, at: Date) =>
  new Intl.DateTimeFormat("sv-SE", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).format(at);

describe("due dates in the studio's zone", () => {
  let world: Awaited<ReturnType<typeof ordersWorld>>;
  const setZone = (timeZone: string) => systemDb().studio.update({ where: { id: world.b.studio.id }, data: { timeZone } });
  /** A one-line order due on `day`, entered through the form's procedure; returns its line as read back. */
  const lineDue = async (day: string, customerName: string) => {
    const { b, caller, ownVariants } = world;
    const created = await caller.order.create({
      studioId: b.studio.id,
      order: { kind: "CUSTOMER", customerName, notes: "", lines: [{ variantId: ownVariants[0]!.variantId, quantity: 1, dueDate: day }] },
    });
    return (await caller.order.get({ studioId: b.studio.id, id: created.id })).lines[0]!;
  };
  beforeAll(async () => {
    world = await ordersWorld();
  });

  it("stores the end of the chosen day in the studio's zone, and shows that day (manual order, CSV import)", async () => {
    const { b, caller, ownVariants } = world;
    await setZone("Australia/Sydney");
    const { dueDate } = await lineDue("2031-01-17", "Sydney");
    expect(dueDate.toISOString()).toBe("2031-01-17T12:59:59.999Z");
    expect(wall("Australia/Sydney", dueDate)).toBe("2031-01-17 23:59:59");
    expect(dayOf("Australia/Sydney", dueDate)).toBe("2031-01-17");

    await setZone("Asia/Kolkata");
    const imported = await caller.order.importCommit({ studioId: b.studio.id, csv: [ETSY_HEADER, etsyRow("E-900", ownVariants[0]!.sku)].join("\n"), dueDate: "2031-01-17", kind: "CUSTOMER" });
    expect(imported.created).toBe(1);
    const line = await systemDb().orderLine.findFirstOrThrow({ where: { studioId: b.studio.id, order: { externalRef: "E-900" } } });
    expect(line.dueDate.toISOString()).toBe("2031-01-17T18:29:59.999Z");
    const listed = await caller.order.list({ studioId: b.studio.id, search: "E-900" });
    expect(dayOf("Asia/Kolkata", listed[0]!.dueDate!)).toBe("2031-01-17");
  });

  it("ends a day in summer and in winter at local midnight, whatever today is", async () => {
    await setZone("Europe/Berlin");
    const today = studioToday("Europe/Berlin");
    for (const day of ["2031-07-15", "2031-12-15", addDays(today, 30)]) {
      const due = (await lineDue(day, "Berlin")).dueDate;
      expect(wall("Europe/Berlin", due)).toBe(`${day} 23:59:59`);
      expect(dayOf("Europe/Berlin", new Date(due.getTime() + 1))).toBe(addDays(day, 1));
    }
  });

  it("plans against that instant", async () => {
    const { b } = world;
    await setZone("Asia/Kathmandu");
    const lineId = (await lineDue("2031-03-05", "Kathmandu")).id;
    const { problem } = await withTenant(b.studio.id, (db) => loadProblem(db, b.studio.id, new Date(), { timeLimitMs: 0 }));
    // Kathmandu is UTC+5:45: the day ends at 18:14:59.999 UTC.
    expect(problem.orderLines.find((l) => l.id === lineId)!.dueAt).toBe("2031-03-05T18:14:59.999Z");
    expect(problem.people[0]!.calendar).toMatchObject({ timeZone: "Asia/Kathmandu" });
  });

  it("keeps every line's due day when the studio changes its zone", async () => {
    const { b, caller } = world;
    await setZone("Australia/Sydney");
    const line = await lineDue("2031-01-20", "Moving");
    const settings = await caller.studio.get({ studioId: b.studio.id });
    await caller.studio.update({ studioId: b.studio.id, expectedVersion: settings.version, name: settings.name, timeZone: "America/New_York", workingHours: settings.workingHours });
    const due = (await systemDb().orderLine.findUniqueOrThrow({ where: { id: line.id } })).dueDate;
    expect(due.toISOString()).toBe("2031-01-21T04:59:59.999Z");
    expect(wall("America/New_York", due)).toBe("2031-01-20 23:59:59");
  });

  it("moves due dates stored at 23:59 UTC to the end of that day in their studio's zone (data migration)", async () => {
    const { b } = world;
    await setZone("Australia/Sydney");
    const db = systemDb();
    const order = await db.order.create({ data: { studioId: b.studio.id, number: 9000, customerName: "Old" } });
    const { designVersionId, variantId, designName, variantName, sku } = await db.orderLine.findFirstOrThrow({ where: { studioId: b.studio.id } });
    const line = (dueDate: string, position: number) =>
      db.orderLine.create({
        data: { studioId: b.studio.id, orderId: order.id, position, designVersionId, variantId, designName, variantName, sku, quantity: 1, dueDate: new Date(dueDate) },
      });
    const old = await line("2031-01-17T23:59:00.000Z", 0);
    const current = await line("2031-01-18T12:59:59.999Z", 1);
    const sql = readFileSync(new URL("../../../prisma/migrations/20261128191500_due_dates_in_studio_zone/migration.sql", import.meta.url), "utf8");
    // Only on this studio's lines: other test files run in parallel on the same database.
    expect(sql).toContain('WHERE s."id" = ol."studioId"');
    await db.$executeRawUnsafe(sql.replace('WHERE s."id" = ol."studioId"', `WHERE s."id" = ol."studioId" AND ol."studioId" = '${b.studio.id}'`));
    expect((await db.orderLine.findUniqueOrThrow({ where: { id: old.id } })).dueDate.toISOString()).toBe("2031-01-17T12:59:59.999Z");
    expect((await db.orderLine.findUniqueOrThrow({ where: { id: current.id } })).dueDate.toISOString()).toBe("2031-01-18T12:59:59.999Z");
  });
});
