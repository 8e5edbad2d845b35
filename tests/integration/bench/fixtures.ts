import { systemDb } from "~/server/db";
import { addMember, makeCatalogFixture, makeStudio } from "../../helpers/factories";

// Batches without running the planner: order lines, a plan, batches and batch items inserted directly.

type Line = { id: string; quantity: number };

type Member = { id: string; email: string; name: string };

export async function benchWorld() {
  const { studio, owner } = await makeStudio();
  const assistant = await addMember(studio.id, "ASSISTANT");
  const helper = await addMember(studio.id, "ASSISTANT");
  return { ...(await batchFactory(studio, owner, assistant)), owner, assistant, helper };
}

/** For the isolation cases: in the cast's studio A, one batch claimed by A's assistant and one open. */
export async function benchWorldFor(studioId: string, owner: Member, assistant: Member) {
  const studio = await systemDb().studio.findUniqueOrThrow({ where: { id: studioId } });
  const f = await batchFactory(studio, owner, assistant);
  const claimed = await f.batch(0, [{ line: await f.line(3), pieces: 3 }]);
  const open = await f.batch(0, [{ line: await f.line(2), pieces: 2 }]);
  const { callerFor } = await import("../../helpers/caller");
  await callerFor(assistant).bench.claim({ studioId, batchId: claimed.id });
  return { claimed: claimed.id, open: open.id };
}

async function batchFactory(studio: { id: string }, owner: Member, assistant: Member) {
  const db = systemDb();
  const catalog = await makeCatalogFixture(studio.id, owner);
  const version = await db.designVersion.findFirstOrThrow({
    where: { studioId: studio.id, designId: catalog.design.id },
    orderBy: { number: "desc" },
    include: { variants: { orderBy: { position: "asc" } }, steps: { orderBy: { position: "asc" } } },
  });
  const plan = await db.plan.upsert({ where: { studioId: studio.id }, update: {}, create: { studioId: studio.id, horizonStart: new Date(), figures: {} } });
  let orderNumber = 1000 + (await db.order.count({ where: { studioId: studio.id } }));

  /** An order with one line of the given variant (0: 2 g of wire per piece, 1: 3 g) and quantity. */
  async function line(quantity: number, options: { variant?: number; dueInDays?: number } = {}): Promise<Line> {
    const variant = version.variants[options.variant ?? 0]!;
    const order = await db.order.create({ data: { studioId: studio.id, number: ++orderNumber, customerName: "Bench test" } });
    return db.orderLine.create({
      data: {
        studioId: studio.id, orderId: order.id, position: 0, designVersionId: version.id, variantId: variant.id,
        designName: version.name, variantName: variant.name, sku: version.sku, quantity,
        dueDate: new Date(Date.now() + (options.dueInDays ?? 7) * 86_400_000),
      },
      select: { id: true, quantity: true },
    });
  }

  /** A batch at one routing step (0: solder, 1: tumble) holding the given pieces of each line. */
  async function batch(step: number, items: Array<{ line: Line; pieces: number }>, options: { startInMinutes?: number; personId?: string } = {}) {
    const routing = version.steps[step]!;
    const startAt = new Date(Date.now() + (options.startInMinutes ?? 0) * 60_000);
    const pieces = items.reduce((sum, item) => sum + item.pieces, 0);
    const created = await db.batch.create({
      data: {
        studioId: studio.id, planId: plan.id, stationId: routing.stationId, personId: options.personId ?? assistant.id,
        stepName: routing.name, pieces, setupMinutes: 10, workMinutes: 30, startAt, endAt: new Date(startAt.getTime() + 40 * 60_000),
      },
    });
    await db.batchItem.createMany({
      data: items.map((item) => ({ studioId: studio.id, batchId: created.id, orderLineId: item.line.id, stepPosition: step, routingStepId: routing.id, pieces: item.pieces })),
    });
    return created;
  }

  return { db, studio, material: catalog.material, version, line, batch };
}

/**
 * Starts every call at once and waits for all of them. A call refused with SERVICE_UNAVAILABLE (no pool
 * connection within 2 s) or TOO_MANY_REQUESTS (the batch row stayed locked past lock_timeout) rolled back
 * whole, so it is retried like a client would — this shared 2-core test machine is often at load 15+.
 * Every other outcome is final.
 */
export async function race<T>(calls: Array<() => Promise<T>>): Promise<Array<PromiseSettledResult<T>>> {
  return Promise.all(
    calls.map(async (call) => {
      for (let attempt = 0; ; attempt++) {
        try {
          return { status: "fulfilled", value: await call() } as const;
        } catch (error) {
          const code = (error as { code?: string }).code;
          if ((code === "SERVICE_UNAVAILABLE" || code === "TOO_MANY_REQUESTS") && attempt < 10) {
            await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 400));
            continue;
          }
          return { status: "rejected", reason: error } as const;
        }
      }
    }),
  );
}
