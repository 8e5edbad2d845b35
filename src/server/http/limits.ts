// Request limits of the HTTP endpoints, in one place (README "Security" lists them).

const KB = 1024;
const MB = 1024 * KB;

export const HTTP_LIMITS = {
  /** Body of a tRPC request (one call or a batch). */
  trpcBodyBytes: 512 * KB,
  /** Body of a tRPC request to the file-upload procedures only (CSV imports of up to 2 MB, JSON-escaped). */
  trpcUploadBodyBytes: 6 * MB,
  /** Calls in one tRPC batch (the client's httpBatchLink uses the same number). */
  trpcBatchSize: 16,
  /** Sign-in, sign-out and the other next-auth posts: a few form fields. */
  authBodyBytes: 16 * KB,
  /** A Stripe event (Stripe's own payloads stay far below this). */
  stripeWebhookBodyBytes: 1 * MB,
} as const;

/** Procedures that take a file's content, allowed the upload body size. */
export const UPLOAD_PROCEDURES: ReadonlySet<string> = new Set([
  "order.importPreview",
  "order.importCommit",
  "materials.previewCsv",
  "materials.importCsv",
  "catalog.designs.previewCsv",
  "catalog.designs.importCsv",
]);
