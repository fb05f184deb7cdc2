// Plain constants (no drizzle imports), so forms in the browser can use them too.
export const GROUP_TYPES = ['service', 'supervision', 'back_office'] as const;
export type GroupType = (typeof GROUP_TYPES)[number];
