import { z } from "zod";
import { expectedVersionSchema, idSchema as id, localDaySchema } from "~/lib/inputs";
import { dayOf, endOfStudioDay } from "~/server/time-zone";

// Shared by the order forms (client) and procedures (server). No server-only imports here.

export const ORDER_KINDS = ["CUSTOMER", "WHOLESALE", "RESTOCK"] as const;
export const ORDER_STATUSES = ["OPEN", "IN_PRODUCTION", "DONE", "CANCELLED"] as const;
export const ORDER_SOURCES = ["MANUAL", "ETSY", "SHOPIFY"] as const;

export const ORDER_KIND_LABELS: Record<(typeof ORDER_KINDS)[number], string> = {
  CUSTOMER: "Customer",
  WHOLESALE: "Wholesale",
  RESTOCK: "Restock",
};
export const ORDER_STATUS_LABELS: Record<(typeof ORDER_STATUSES)[number], string> = {
  OPEN: "Open",
  IN_PRODUCTION: "In production",
  DONE: "Done",
  CANCELLED: "Cancelled",
};


export const orderLineFields = z.object({
  variantId: id,
  quantity: z.number({ message: "Quantity must be a number" }).int({ message: "Use a whole number" }).min(1, { message: "At least 1" }).max(10_000, { message: "At most 10,000" }),
  dueDate: localDaySchema,
});

export const orderFields = z.object({
  kind: z.enum(ORDER_KINDS),
  customerName: z.string().trim().max(120, { message: "Use at most 120 characters" }),
  notes: z.string().trim().max(2000).default(""),
  lines: z.array(orderLineFields).min(1, { message: "Add at least one line" }).max(200),
});
export type OrderFields = z.infer<typeof orderFields>;

export const createOrderInput = z.object({ order: orderFields });
/** Editing: existing lines carry their id; lines without one are added, lines left out are removed. */
export const editOrderLineFields = orderLineFields.extend({ id: id.optional() });
export const editOrderFields = orderFields.extend({
  lines: z.array(editOrderLineFields).min(1, { message: "Add at least one line" }).max(200, { message: "At most 200 lines" }),
});
export type EditOrderFields = z.infer<typeof editOrderFields>;
export const updateOrderInput = z.object({ id, expectedVersion: expectedVersionSchema, order: editOrderFields });
export const listOrdersInput = z.object({
  status: z.enum(ORDER_STATUSES).optional(),
  search: z.string().trim().max(120).optional(),
});
export const orderIdsInput = z.object({ ids: z.array(id).max(300) });
export const setOrderStatusInput = z.object({ id, expectedVersion: expectedVersionSchema, status: z.enum(ORDER_STATUSES) });

export const importInput = z.object({
  csv: z.string().min(1, { message: "Choose a CSV file" }).max(2_000_000, { message: "The file is larger than 2 MB" }),
  dueDate: localDaySchema,
  kind: z.enum(ORDER_KINDS).default("CUSTOMER"),
});

/**
 * A due day "YYYY-MM-DD" as the instant it ends in the studio's zone (23:59:59.999 local): "due Friday" in
 * Sydney ends Friday night in Sydney. The planner's lateness and on-time delivery compare with this instant.
 */
export function dueDateFromDay(day: string, timeZone: string): Date {
  return endOfStudioDay(timeZone, day);
}

/** The due day of a stored due date, in the studio's zone (what every screen shows). */
export function dayFromDate(date: Date, timeZone: string): string {
  return dayOf(timeZone, date);
}

// Services take (ctx, input) with these types.
export type CreateOrderInput = z.infer<typeof createOrderInput>;
export type UpdateOrderInput = z.infer<typeof updateOrderInput>;
export type ListOrdersInput = z.infer<typeof listOrdersInput>;
export type OrderIdsInput = z.infer<typeof orderIdsInput>;
export type SetOrderStatusInput = z.infer<typeof setOrderStatusInput>;
export type ImportInput = z.infer<typeof importInput>;
