export const roles = ["viewer", "editor", "main"] as const;
export type Role = (typeof roles)[number];

const rank: Record<Role, number> = { viewer: 0, editor: 1, main: 2 };

/** True when `role` is at least `min` (main ⊃ editor ⊃ viewer). */
export const hasRole = (role: Role, min: Role) => rank[role] >= rank[min];
