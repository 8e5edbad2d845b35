/** The catalog a new studio starts with, and the one made when designs arrive in a studio that has none. */
export const DEFAULT_CATALOG_NAME = "Main catalog";
