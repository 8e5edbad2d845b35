import { describeIsolation } from "./isolation-suite";

// Both walls: the procedures' studio scope and row-level security (the app role).
describeIsolation("cross-tenant isolation");
