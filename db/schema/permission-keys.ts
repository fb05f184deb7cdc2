// Plain constants (no drizzle imports), so forms in the browser can use them too.
export const PERMISSION_KEYS = [
  'self_service',
  'education_manager',
  'bpo_full_access',
  'restrict_tickets',
  'education_manager_franchise',
  'cloud_control_center',
  'it_admin',
] as const;
export type PermissionKey = (typeof PERMISSION_KEYS)[number];
