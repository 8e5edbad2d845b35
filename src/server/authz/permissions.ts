// The one role -> permission table. The server enforces it in procedures; the UI imports it to hide
// what a role cannot do. No server-only imports here.

export const ROLES = ["OWNER", "ADMIN", "ASSISTANT"] as const;
export type StudioRole = (typeof ROLES)[number];

export const ROLE_LABELS: Record<StudioRole, string> = {
  OWNER: "Owner",
  ADMIN: "Admin",
  ASSISTANT: "Assistant",
};

const RANK: Record<StudioRole, number> = { OWNER: 3, ADMIN: 2, ASSISTANT: 1 };

/** Minimum role for each permission: owner > admin > assistant. */
export const PERMISSIONS = {
  "studio:update": "ADMIN",
  "members:read": "ASSISTANT",
  "members:manage": "ADMIN",
  // Handing the studio over: the owner alone (the old owner becomes an admin).
  "members:transfer-ownership": "OWNER",
  "catalog:read": "ASSISTANT",
  "catalog:edit": "ADMIN",
  // Sharing a catalog gives another studio a read-only copy of the studio's designs: an owner's decision.
  "catalog:share": "OWNER",
  "orders:read": "ASSISTANT",
  "orders:edit": "ADMIN",
  "planning:run": "ADMIN",
  "bench:work": "ASSISTANT",
  "dashboard:read": "ADMIN",
  "billing:manage": "OWNER",
} as const satisfies Record<string, StudioRole>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: StudioRole, permission: Permission): boolean {
  return RANK[role] >= RANK[PERMISSIONS[permission]];
}

export function permissionsFor(role: StudioRole): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((permission) => can(role, permission));
}
