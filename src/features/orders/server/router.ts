import { byIdInput } from "~/lib/inputs";
import { router } from "~/server/trpc/init";
import { permittedProcedure } from "~/server/trpc/procedures";
import { createOrderInput, importInput, listOrdersInput, orderIdsInput, setOrderStatusInput, updateOrderInput } from "./schemas";
import { commitImport, previewImport } from "./import";
import { updateOrder } from "./order-edit";
import { listOrderableVariants } from "./orderable";
import { createManualOrder, getOrder, listOrders, setOrderStatus } from "./orders";
import { orderProgress, ordersOutlook } from "./progress";

// orders:read (assistant+) reads; orders:edit (admin+) creates, edits, imports and changes status.
const read = permittedProcedure("orders:read");
const edit = permittedProcedure("orders:edit");

export const orderRouter = router({
  list: read.input(listOrdersInput).query(({ ctx, input }) => listOrders(ctx, input)),
  get: read.input(byIdInput).query(({ ctx, input }) => getOrder(ctx, input)),
  // Where the work stands: pieces at each step per line, planned finish, late/at-risk flags, remakes.
  progress: read.input(byIdInput).query(({ ctx, input }) => orderProgress(ctx, input)),
  outlook: read.input(orderIdsInput).query(({ ctx, input }) => ordersOutlook(ctx, input)),
  orderableVariants: read.query(({ ctx }) => listOrderableVariants(ctx)),
  create: edit.input(createOrderInput).mutation(({ ctx, input }) => createManualOrder(ctx, input)),
  update: edit.input(updateOrderInput).mutation(({ ctx, input }) => updateOrder(ctx, input)),
  setStatus: edit.input(setOrderStatusInput).mutation(({ ctx, input }) => setOrderStatus(ctx, input)),
  // Preview writes nothing, but it is the first half of an import: same permission as the import itself.
  importPreview: edit.input(importInput).mutation(({ ctx, input }) => previewImport(ctx, input)),
  importCommit: edit.input(importInput).mutation(({ ctx, input }) => commitImport(ctx, input)),
});
