import { z } from "zod";

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

const id = z.string().min(1).max(64);
/** "YYYY-MM-DD" from a date input; stored as the end of that day in UTC is not needed: noon UTC keeps the day. */
export const dayString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Pick a date" });

export const orderLineFields = z.object({
  variantId: id,
  quantity: z.number({ message: "Quantity must be a number" }).int({ message: "Use a whole number" }).min(1, { message: "At least 1" }).max(10_000, { message: "At most 10,000" }),
  dueDate: dayString,
});

export const orderFields = z.object({
  kind: z.enum(ORDER_KINDS),
  customerName: z.string().trim().max(120, { message: "Use at most 120 characters" }),
  notes: z.string().trim().max(2000).default(""),
  lines: z.array(orderLineFields).min(1, { message: "Add at least one line" }).max(200),
});
export type OrderFields = z.infer<typeof orderFields>;

export const createOrderInput = z.object({ order: orderFields });
export const listOrdersInput = z.object({
  status: z.enum(ORDER_STATUSES).optional(),
  search: z.string().trim().max(120).optional(),
});
export const byIdInput = z.object({ id });
export const orderIdsInput = z.object({ ids: z.array(id).max(300) });
export const setOrderStatusInput = z.object({ id, expectedVersion: z.number().int().min(0), status: z.enum(ORDER_STATUSES) });

export const importInput = z.object({
  csv: z.string().min(1, { message: "Choose a CSV file" }).max(2_000_000, { message: "The file is larger than 2 MB" }),
  dueDate: dayString,
  kind: z.enum(ORDER_KINDS).default("CUSTOMER"),
});

/** A due day "YYYY-MM-DD" as a Date at 23:59 UTC of that day (planning treats it as the end of the day). */
export function dueDateFromDay(day: string): Date {
  return new Date(`${day}T23:59:00.000Z`);
}

export function dayFromDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
