import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldLabel, humanIssues } from "~/lib/validation";
import { recordMovementInput } from "~/features/materials/server/schemas";
import { createOrderInput } from "~/features/orders/server/schemas";

const issuesOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error("expected a validation error");
  return humanIssues(result.error);
};

describe("validation messages people read", () => {
  it("names fields as the forms do, never by their API names", () => {
    expect(fieldLabel(["quantityMilli"])).toBe("Quantity");
    expect(fieldLabel(["lines", 1, "dueDate"])).toBe("Line 2 due date");
    expect(fieldLabel(["design", "variants", 0, "bom", 2, "materialId"])).toBe("Variant 1 material 3");
    expect(fieldLabel(["reorderPointMilli"])).toBe("Reorder point");
    expect(issuesOf(recordMovementInput, { materialId: "m", kind: "ADJUST", quantityMilli: 0 })).toBe("Quantity: Enter a quantity other than zero");
  });

  it("turns zod's own texts into sentences", () => {
    expect(issuesOf(z.object({ name: z.string().max(120) }), { name: "x".repeat(121) })).toBe("Name: Use at most 120 characters");
    expect(issuesOf(z.object({ count: z.number() }), { count: Number.NaN })).toBe("Count: Enter a number");
    expect(issuesOf(z.object({ email: z.string().email() }), { email: "nope" })).toBe("Email: Enter a valid email address");
    const order = issuesOf(createOrderInput, { order: { kind: "CUSTOMER", customerName: "", notes: "", lines: [{ variantId: "v", quantity: 20_000, dueDate: "2031-01-01" }] } });
    expect(order).toBe("Line 1 quantity: At most 10,000");
    expect(order).not.toMatch(/quantityMilli|Too big|expected/);
  });
});
