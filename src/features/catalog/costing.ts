// Standard cost per piece (pure; used when a design version is published, and by the UI preview).
//
//   material cents = Σ over BOM lines of quantityMilli / 1000 × unitCostCents
//   labour seconds = Σ over routing steps of
//                      (variant override ?? secondsPerPiece) + setupSeconds / batchSize
//                    where batchSize = min(step.maxBatchSize ?? costingBatchSize, costingBatchSize)
//                    (setup is spread over a typical batch; a smaller max batch means more setups).
//                    Unattended run time is not labour: the machine runs while people work elsewhere.
//   labour cents   = labour seconds / 3600 × labourRateCents (per hour)
//   standard cents = round(material cents) + round(labour cents)

export type CostBomLine = { quantityMilli: number; unitCostCents: number };
export type CostStep = { position: number; setupSeconds: number; secondsPerPiece: number; maxBatchSize: number | null };
export type CostOverride = { step: number; secondsPerPiece: number };
export type CostSettings = { labourRateCents: number; costingBatchSize: number };

export type StandardCost = { materialCostCents: number; labourCostCents: number; standardCostCents: number; labourSeconds: number };

export function labourSecondsPerPiece(steps: CostStep[], overrides: CostOverride[], costingBatchSize: number): number {
  const typical = Math.max(1, costingBatchSize);
  return steps.reduce((total, step) => {
    const override = overrides.find((o) => o.step === step.position);
    const perPiece = override ? override.secondsPerPiece : step.secondsPerPiece;
    const batch = Math.max(1, Math.min(step.maxBatchSize ?? typical, typical));
    return total + perPiece + step.setupSeconds / batch;
  }, 0);
}

export function standardCost(
  bom: CostBomLine[],
  steps: CostStep[],
  overrides: CostOverride[],
  settings: CostSettings,
): StandardCost {
  const material = bom.reduce((sum, line) => sum + (line.quantityMilli / 1000) * line.unitCostCents, 0);
  const labourSeconds = labourSecondsPerPiece(steps, overrides, settings.costingBatchSize);
  const labour = (labourSeconds / 3600) * settings.labourRateCents;
  const materialCostCents = Math.round(material);
  const labourCostCents = Math.round(labour);
  return { materialCostCents, labourCostCents, standardCostCents: materialCostCents + labourCostCents, labourSeconds };
}
