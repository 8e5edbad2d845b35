import "server-only";
export { systemDb, systemPool, tenantClient, disconnectDb } from "./client";
export { withTenant, byStudio, assertStudioId, type TenantDb } from "./tenant";
export { isDatabaseUnavailable, isUniqueViolation } from "./errors";
