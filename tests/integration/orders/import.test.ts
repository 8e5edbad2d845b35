import { beforeAll, describe, expect, it } from "vitest";
import { errorCode } from "../../helpers/caller";
import { inDays, ordersWorld } from "./fixtures";

const ETSY_HEADER =
  "Sale Date,Item Name,Buyer,Quantity,Price,Coupon Code,Coupon Details,Discount Amount,Delivery Discount,Order Shipping,Order Sales Tax,Item Total,Currency,Transaction ID,Listing ID,Date Paid,Date Shipped,Ship Name,Order ID,Variations,SKU";
const etsyRow = (order: string, buyer: string, qty: string, sku: string) =>
  `11/20/25,Stacking ring,${buyer},${qty},45.00,,,0,0,5,0,45.00,USD,t1,l1,11/20/25,,${buyer},${order},Size 6,${sku}`;

const SHOPIFY_HEADER = "Name,Email,Financial Status,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name";

describe("order CSV import", () => {
  let world: Awaited<ReturnType<typeof ordersWorld>>;
  let skuOwn: string;
  let skuShared: string;
  beforeAll(async () => {
    world = await ordersWorld();
    skuOwn = world.ownVariants[0]!.sku;
    skuShared = world.sharedVariants[1]!.sku;
  });

  it("previews an Etsy export with per-row matches and unknown SKUs, and refuses to commit it", async () => {
    const { b, caller, db } = world;
    const csv = [ETSY_HEADER, etsyRow("E-100", "Ana", "2", skuOwn), etsyRow("E-100", "Ana", "1", skuShared), etsyRow("E-101", "Bo", "1", "NOPE-1")].join("\n");
    const preview = await caller.order.importPreview({ studioId: b.studio.id, csv, dueDate: inDays(14), kind: "CUSTOMER" });
    expect(preview.format).toBe("ETSY");
    expect(preview.rows.map((r) => [r.row, r.error])).toEqual([
      [2, null],
      [3, null],
      [4, 'Unknown SKU "NOPE-1"'],
    ]);
    expect(preview.rows[0]!.variantId).toBe(world.ownVariants[0]!.variantId);
    expect(preview.orderCount).toBe(2);

    const before = await db.order.count({ where: { studioId: b.studio.id } });
    expect(await errorCode(caller.order.importCommit({ studioId: b.studio.id, csv, dueDate: inDays(14), kind: "CUSTOMER" }))).toBe("BAD_REQUEST");
    expect(await db.order.count({ where: { studioId: b.studio.id } })).toBe(before);
  });

  it("commits a clean Etsy export all at once, and a re-import creates nothing", async () => {
    const { b, caller, db } = world;
    const csv = [ETSY_HEADER, etsyRow("E-200", "Ana", "2", skuOwn.toLowerCase()), etsyRow("E-200", "Ana", "1", skuShared), etsyRow("E-201", "Bo", "4", skuOwn)].join("\n");
    const result = await caller.order.importCommit({ studioId: b.studio.id, csv, dueDate: inDays(14), kind: "CUSTOMER" });
    expect(result).toMatchObject({ created: 2, skipped: 0 });
    const orders = await db.order.findMany({ where: { studioId: b.studio.id, source: "ETSY" }, include: { lines: { orderBy: { position: "asc" } } }, orderBy: { number: "asc" } });
    expect(orders.map((o) => [o.externalRef, o.customerName, o.lines.map((l) => l.quantity)])).toEqual([
      ["E-200", "Ana", [2, 1]],
      ["E-201", "Bo", [4]],
    ]);
    expect(orders[0]!.lines[0]!.dueDate.toISOString().slice(0, 10)).toBe(inDays(14));

    const again = await caller.order.importCommit({ studioId: b.studio.id, csv, dueDate: inDays(14), kind: "CUSTOMER" });
    expect(again).toMatchObject({ created: 0, skipped: 2 });
    expect(await db.order.count({ where: { studioId: b.studio.id, source: "ETSY" } })).toBe(2);
  });

  it("imports a Shopify export whose later rows leave the order columns empty", async () => {
    const { b, caller, db } = world;
    const csv = [
      SHOPIFY_HEADER,
      `#1001,cy@example.test,paid,2025-11-20 10:00:00 +0100,3,Stacking ring - Size 6,45.00,${skuOwn},Cy Smith`,
      `#1001,,,,1,Stacking ring - Size 9,45.00,${world.ownVariants[1]!.sku},`,
      `#1002,di@example.test,paid,2025-11-21 10:00:00 +0100,1,Ring,45.00,,Di`,
    ].join("\n");
    const preview = await caller.order.importPreview({ studioId: b.studio.id, csv, dueDate: inDays(10), kind: "WHOLESALE" });
    expect(preview.format).toBe("SHOPIFY");
    expect(preview.rows.map((r) => r.error)).toEqual([null, null, "Missing SKU"]);

    const fixed = csv.replace(/,Ring,45.00,,Di$/, `,Ring,45.00,${skuOwn},Di`);
    const result = await caller.order.importCommit({ studioId: b.studio.id, csv: fixed, dueDate: inDays(10), kind: "WHOLESALE" });
    expect(result.created).toBe(2);
    const order = await db.order.findFirstOrThrow({ where: { studioId: b.studio.id, source: "SHOPIFY", externalRef: "#1001" }, include: { lines: true } });
    expect(order.customerName).toBe("Cy Smith");
    expect(order.kind).toBe("WHOLESALE");
    expect(order.lines.map((l) => l.quantity).sort()).toEqual([1, 3]);
  });

  it("rejects a file that is neither export", async () => {
    const { b, caller } = world;
    expect(await errorCode(caller.order.importPreview({ studioId: b.studio.id, csv: "a,b\n1,2", dueDate: inDays(3), kind: "CUSTOMER" }))).toBe("BAD_REQUEST");
  });
});
