// The permutation flow-shop benchmark harness (Taillard instances): how the engine's search is measured against
// published bounds. Used by the CLI, the perf script and the tests; the app does not plan flow shops.
export type { FlowShopInstance, FlowShopOperation, FlowShopOptions, FlowShopResult } from "./types";
export { createInstance } from "./types";
export { solveFlowShop } from "./iterated-greedy";
export { neh } from "./neh";
export { FlowShopEvaluator } from "./evaluator";
export { formatTaillard, looksLikeTaillard, parseTaillard } from "./taillard-format";
export { generateTaillard, TAILLARD_INSTANCES, taillardInstance, type TaillardSpec } from "./taillard-generator";
