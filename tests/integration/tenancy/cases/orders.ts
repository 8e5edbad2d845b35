import { systemDb } from "~/server/db";
import { callerFor } from "../../../helpers/caller";
import { makeCatalogFixture } from "../../../helpers/factories";
import type { Cast, IsolationCase } from "../cases";

// One order in studio A per cast, reused by every case: denied calls never change it (each case checks).
async function makeOrderFixture(cast: Cast) {
  const studioId = cast.a.studio.id;
  await makeCatalogFixture(studioId, cast.a.owner);
  const caller = callerFor(cast.a.owner);
  const variants = await caller.order.orderableVariants({ studioId });
  const order = await caller.order.create({
    studioId,
    order: { kind: "CUSTOMER", customerName: "Isolation", notes: "", lines: [{ variantId: variants[0]!.variantId, quantity: 2, dueDate: "2031-01-15" }] },
  });
  return { order, variant: variants[0]! };
}
const fixtures = new WeakMap<Cast, ReturnType<typeof makeOrderFixture>>();
export const orderFixture = (cast: Cast) => {
  if (!fixtures.has(cast)) fixtures.set(cast, makeOrderFixture(cast));
  return fixtures.get(cast)!;
};

const ordersState = (studioId: string) => async () => ({
  orders: await systemDb().order.findMany({ where: { studioId }, orderBy: { id: "asc" } }),
  lines: await systemDb().orderLine.findMany({ where: { studioId }, orderBy: { id: "asc" } }),
});

const csvFor = (sku: string) => `Sale Date,Item Name,Buyer,Quantity,Order ID,SKU\n11/20/25,Ring,Ana,1,ISO-1,${sku}`;

function orderCase(recordInput: boolean, build: (f: Awaited<ReturnType<typeof makeOrderFixture>>) => Record<string, unknown>, call: IsolationCase["call"]): IsolationCase {
  return {
    arrange: async (cast) => {
      const f = await orderFixture(cast);
      return { input: { studioId: cast.a.studio.id, ...build(f) }, recordInput, snapshot: ordersState(cast.a.studio.id) };
    },
    call,
  };
}

export const orderCases: Record<string, IsolationCase> = {
  "order.list": orderCase(false, () => ({}), (c, i) => c.order.list(i)),
  "order.get": orderCase(true, (f) => ({ id: f.order.id }), (c, i) => c.order.get(i)),
  "order.progress": orderCase(true, (f) => ({ id: f.order.id }), (c, i) => c.order.progress(i)),
  "order.outlook": orderCase(true, (f) => ({ ids: [f.order.id] }), (c, i) => c.order.outlook(i)),
  "order.orderableVariants": orderCase(false, () => ({}), (c, i) => c.order.orderableVariants(i)),
  // recordInput: B naming A's variant must not be able to order it.
  "order.create": orderCase(
    true,
    (f) => ({ order: { kind: "CUSTOMER", customerName: "Hijack", notes: "", lines: [{ variantId: f.variant.variantId, quantity: 1, dueDate: "2031-01-15" }] } }),
    (c, i) => c.order.create(i),
  ),
  "order.update": orderCase(
    true,
    (f) => ({ id: f.order.id, expectedVersion: 0, order: { kind: "CUSTOMER", customerName: "Hijack", notes: "", lines: [{ variantId: f.variant.variantId, quantity: 9, dueDate: "2031-01-15" }] } }),
    (c, i) => c.order.update(i),
  ),
  "order.setStatus": orderCase(true, (f) => ({ id: f.order.id, expectedVersion: 0, status: "CANCELLED" }), (c, i) => c.order.setStatus(i)),
  "order.importPreview": orderCase(false, (f) => ({ csv: csvFor(f.variant.sku), dueDate: "2031-01-15", kind: "CUSTOMER" }), (c, i) => c.order.importPreview(i)),
  "order.importCommit": orderCase(false, (f) => ({ csv: csvFor(f.variant.sku), dueDate: "2031-01-15", kind: "CUSTOMER" }), (c, i) => c.order.importCommit(i)),
};
