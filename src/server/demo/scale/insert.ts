import type pg from "pg";
import { lineVariantColumns } from "~/features/orders/server/orders";
import { bulkInsert, type BulkColumn } from "~/server/db/bulk-insert";
import type { EventRow } from "./events";
import type { BatchRow, History } from "./history";

// Bulk inserts for the generated history, on the owner connection (the rows are one studio's, written by a
// trusted script, not through a request), in chunks of 5,000 rows.

const CHUNK = 5_000;
const insertRows = <R>(client: pg.ClientBase, table: string, columns: Array<BulkColumn<R>>, rows: R[]) => bulkInsert(client, table, columns, rows, { chunk: CHUNK });

type Ctx = { studioId: string; planId: string };

export async function insertOrders(client: pg.ClientBase, ctx: Ctx, history: History): Promise<void> {
  await insertRows(client, "Order", [
    { name: "id", type: "text", value: (o) => o.id },
    { name: "studioId", type: "text", constant: ctx.studioId },
    { name: "number", type: "int", value: (o) => o.number },
    { name: "kind", type: '"OrderKind"', value: (o) => o.kind },
    { name: "customerName", type: "text", value: (o) => o.customerName },
    { name: "source", type: '"OrderSource"', value: (o) => o.source },
    { name: "externalRef", type: "text", value: (o) => o.externalRef },
    { name: "status", type: '"OrderStatus"', value: (o) => o.status },
    { name: "createdAt", type: "timestamp", value: (o) => o.createdAt },
    { name: "updatedAt", type: "timestamp", value: (o) => o.updatedAt },
  ], history.orders);
  await insertRows(client, "OrderLine", [
    { name: "id", type: "text", value: (l) => l.id },
    { name: "studioId", type: "text", constant: ctx.studioId },
    { name: "orderId", type: "text", value: (l) => l.orderId },
    { name: "position", type: "int", value: (l) => l.position },
    ...lineVariantColumns<History["lines"][number]>(),
    { name: "quantity", type: "int", value: (l) => l.quantity },
    { name: "dueDate", type: "timestamp", value: (l) => l.dueDate },
    { name: "status", type: '"OrderLineStatus"', value: (l) => l.status },
    { name: "createdAt", type: "timestamp", value: (l) => l.createdAt },
  ], history.lines);
}

const pieces = (b: BatchRow) => b.items.reduce((s, i) => s + i.pieces, 0);
const done = (b: BatchRow) => b.items.reduce((s, i) => s + i.done, 0);
const scrapped = (b: BatchRow) => b.items.reduce((s, i) => s + i.scrapped, 0);

/** Batches, their items, bench work and item progress (everything but the events). */
export async function insertBatches(client: pg.ClientBase, ctx: Ctx, batches: BatchRow[]): Promise<void> {
  await insertRows(client, "Batch", [
    { name: "id", type: "text", value: (b) => b.id },
    { name: "studioId", type: "text", constant: ctx.studioId },
    { name: "planId", type: "text", constant: ctx.planId },
    { name: "stationId", type: "text", value: (b) => b.step.stationId },
    { name: "personId", type: "text", value: (b) => b.personId },
    { name: "stepName", type: "text", value: (b) => b.step.name },
    { name: "family", type: "text", value: (b) => b.step.family },
    { name: "pieces", type: "int", value: pieces },
    { name: "setupMinutes", type: "int", value: (b) => Math.round(b.step.setupSeconds / 60) },
    { name: "workMinutes", type: "int", value: (b) => Math.round((b.step.secondsPerPiece * pieces(b)) / 60) },
    { name: "startAt", type: "timestamp", value: (b) => b.startAt },
    { name: "endAt", type: "timestamp", value: (b) => b.endAt },
    { name: "status", type: '"BatchStatus"', constant: "DONE" },
    { name: "createdAt", type: "timestamp", value: (b) => b.claimedAt },
    { name: "updatedAt", type: "timestamp", value: (b) => b.endAt },
  ], batches);
  const items = batches.flatMap((b) => b.items.map((item) => ({ b, item })));
  await insertRows(client, "BatchItem", [
    { name: "id", type: "text", value: (r) => r.item.id },
    { name: "studioId", type: "text", constant: ctx.studioId },
    { name: "batchId", type: "text", value: (r) => r.b.id },
    { name: "orderLineId", type: "text", value: (r) => r.item.line.id },
    { name: "stepPosition", type: "int", value: (r) => r.item.step.position },
    { name: "routingStepId", type: "text", value: (r) => r.item.step.routingStepId },
    { name: "pieces", type: "int", value: (r) => r.item.pieces },
  ], items);
  await insertRows(client, "BatchWork", [
    { name: "id", type: "text", value: (b) => `${b.id}w` },
    { name: "studioId", type: "text", constant: ctx.studioId },
    { name: "batchId", type: "text", value: (b) => b.id },
    { name: "pieces", type: "int", value: pieces },
    { name: "status", type: '"BenchStatus"', constant: "DONE" },
    { name: "claimedById", type: "text", value: (b) => b.personId },
    { name: "claimedAt", type: "timestamp", value: (b) => b.claimedAt },
    { name: "accumulatedSeconds", type: "int", value: (b) => b.workedSeconds },
    { name: "piecesDone", type: "int", value: done },
    { name: "piecesScrapped", type: "int", value: scrapped },
    { name: "completedAt", type: "timestamp", value: (b) => b.endAt },
    // claim, start, complete, and a pause + start per break
    { name: "version", type: "int", value: (b) => 3 + 2 * b.breaks.length },
    { name: "createdAt", type: "timestamp", value: (b) => b.claimedAt },
    { name: "updatedAt", type: "timestamp", value: (b) => b.endAt },
  ], batches);
  await insertRows(client, "BatchItemProgress", [
    { name: "id", type: "text", value: (r) => `${r.item.id}p` },
    { name: "studioId", type: "text", constant: ctx.studioId },
    { name: "batchId", type: "text", value: (r) => r.b.id },
    { name: "batchItemId", type: "text", value: (r) => r.item.id },
    { name: "orderLineId", type: "text", value: (r) => r.item.line.id },
    { name: "stepPosition", type: "int", value: (r) => r.item.step.position },
    { name: "pieces", type: "int", value: (r) => r.item.pieces },
    { name: "piecesDone", type: "int", value: (r) => r.item.done },
    { name: "piecesScrapped", type: "int", value: (r) => r.item.scrapped },
  ], items);
}

export async function insertEvents(client: pg.ClientBase, ctx: Ctx, events: EventRow[]): Promise<void> {
  await insertRows(client, "BenchEvent", [
    { name: "id", type: "text", value: (e) => e.id },
    { name: "studioId", type: "text", constant: ctx.studioId },
    { name: "batchId", type: "text", value: (e) => e.batchId },
    { name: "userId", type: "text", value: (e) => e.userId },
    { name: "kind", type: '"BenchEventKind"', value: (e) => e.kind },
    { name: "piecesDone", type: "int", value: (e) => e.piecesDone },
    { name: "piecesScrapped", type: "int", value: (e) => e.piecesScrapped },
    { name: "scrapReason", type: "text", value: (e) => e.scrapReason },
    { name: "createdAt", type: "timestamp", value: (e) => e.createdAt },
  ], events);
}
