import { decode, type Decoded } from "./construct";
import type { Work } from "./lots";
import type { StudioModel } from "./model";

/**
 * The plan a studio makes without the optimiser: one design-order at a time
 * (orders by earliest due date, the lines of an order grouped by design), every
 * order line's step a batch of its own with its own setup (split only where a
 * step's batch limit forces it). Uses the same slot search as the real plan.
 */
export function naiveDecode(model: StudioModel, work: Work): Decoded {
  const orderDue = new Map<string, number>();
  for (const line of model.lines) orderDue.set(line.orderId, Math.min(orderDue.get(line.orderId) ?? Infinity, line.due));
  const order = work.lots.map((_, i) => i);
  const key = (i: number) => {
    const line = model.lines[work.lots[i]!.line]!;
    return { due: orderDue.get(line.orderId)!, orderId: line.orderId, designId: line.designId, line: work.lots[i]!.line };
  };
  order.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return (
      ka.due - kb.due ||
      cmp(ka.orderId, kb.orderId) ||
      cmp(ka.designId, kb.designId) ||
      ka.line - kb.line ||
      work.lots[b]!.firstStep - work.lots[a]!.firstStep ||
      a - b
    );
  });
  return decode(model, work, Int32Array.from(order), { window: 0, stagger: 0 }, false);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
