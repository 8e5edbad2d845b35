import type { PlannedBatch, Violation } from "../types";
import type { StudioModel } from "./model";

interface Use {
  batchId: string;
  start: number;
  end: number;
  pieces: number;
  /** Pieces scrapped at this step (started/done batches): they do not go on. */
  scrapped: number;
}

/**
 * Quantities and piece-level precedence. Pieces of an order line are
 * interchangeable, so step k is feasible iff, for every step-k batch (in start
 * order), the pieces started at step k so far do not exceed the pieces that
 * finished step k−1 by its start. Pieces scrapped at a step (in started or done
 * batches) count there but not at later steps.
 */
export function checkPieceFlow(model: StudioModel, batches: PlannedBatch[], out: Violation[]): void {
  const uses = model.lines.map((l) => model.designs[l.design]!.steps.map((): Use[] => []));
  for (const b of batches) {
    for (const item of b.items) {
      const li = model.lineIndex.get(item.orderLineId);
      const perStep = li === undefined ? undefined : uses[li]![item.stepIndex];
      perStep?.push({ batchId: b.id, start: b.start, end: b.end, pieces: item.pieces, scrapped: item.scrapped ?? 0 });
    }
  }
  model.lines.forEach((line, li) => {
    const steps = uses[li]!;
    let lost = 0;
    steps.forEach((list, k) => {
      const sum = list.reduce((s, u) => s + u.pieces, 0);
      if (sum !== line.qty - lost) {
        const note = lost > 0 ? ` (${line.qty} ordered, ${lost} scrapped before)` : "";
        out.push({ code: "quantity", message: `order line ${line.id} step ${k}: ${sum} pieces planned, ${line.qty - lost} needed${note}` });
      }
      lost += list.reduce((s, u) => s + u.scrapped, 0);
      if (k === 0) return;
      const done = [...steps[k - 1]!].sort((a, b) => a.end - b.end);
      const started = [...list].sort((a, b) => a.start - b.start);
      let finished = 0;
      let d = 0;
      let begun = 0;
      for (let i = 0; i < started.length; ) {
        const t = started[i]!.start;
        let j = i;
        while (j < started.length && started[j]!.start === t) begun += started[j++]!.pieces;
        while (d < done.length && done[d]!.end <= t) {
          finished += done[d]!.pieces - done[d]!.scrapped;
          d++;
        }
        if (begun > finished) {
          out.push({
            code: "precedence",
            batchId: started[i]!.batchId,
            message: `order line ${line.id}: step ${k} has ${begun} pieces started by minute ${t} but only ${finished} finished step ${k - 1}`,
          });
        }
        i = j;
      }
    });
  });
}
