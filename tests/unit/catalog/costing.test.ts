import { describe, expect, it } from "vitest";
import { labourSecondsPerPiece, standardCost } from "~/features/catalog/costing";
import { formatCents, formatQuantity, minutesToSeconds, toMilli } from "~/lib/units";

const steps = [
  { position: 0, setupSeconds: 600, secondsPerPiece: 240, maxBatchSize: 20 },
  { position: 1, setupSeconds: 300, secondsPerPiece: 30, maxBatchSize: 5 },
];

describe("standard cost", () => {
  it("spreads setup over the typical batch, or over the step's max batch when that is smaller", () => {
    // 240 + 600/10 + 30 + 300/5
    expect(labourSecondsPerPiece(steps, [], 10)).toBe(390);
    // batch of 1: every piece pays the full setup
    expect(labourSecondsPerPiece(steps, [], 1)).toBe(240 + 600 + 30 + 300);
  });

  it("uses a variant's per-step override instead of the routing time", () => {
    expect(labourSecondsPerPiece(steps, [{ step: 0, secondsPerPiece: 360 }], 10)).toBe(510);
  });

  it("adds material (milli-units x unit cost) and labour at the hourly rate, in whole cents", () => {
    const cost = standardCost([{ quantityMilli: 2_000, unitCostCents: 95 }], steps, [], { labourRateCents: 3000, costingBatchSize: 10 });
    expect(cost).toEqual({ materialCostCents: 190, labourCostCents: 325, standardCostCents: 515, labourSeconds: 390 });
  });

  it("rounds fractional material costs once per version, not per line", () => {
    const cost = standardCost(
      [
        { quantityMilli: 333, unitCostCents: 10 },
        { quantityMilli: 333, unitCostCents: 10 },
      ],
      [],
      [],
      { labourRateCents: 0, costingBatchSize: 10 },
    );
    expect(cost.materialCostCents).toBe(7);
    expect(cost.standardCostCents).toBe(7);
  });
});

describe("units", () => {
  it("converts and formats canonical units", () => {
    expect(toMilli(1.2345)).toBe(1235);
    expect(formatQuantity(2500, "GRAM")).toBe("2.5 g");
    expect(formatCents(123456)).toBe("$1,234.56");
    expect(formatCents(-5)).toBe("-$0.05");
    expect(minutesToSeconds(1.5)).toBe(90);
  });
});
