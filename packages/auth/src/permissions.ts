// The one permission table for staff roles (domain.md §1). Procedures ask for a permission, never a role,
// so that changing who may do what is a change to this table alone.
export const STAFF_ROLES = ['SERVICE_AGENT', 'ACCOUNT_MANAGER', 'MARKETING', 'MANAGER', 'EXECUTIVE', 'ADMIN'] as const;
export type StaffRoleName = (typeof STAFF_ROLES)[number];

const EVERYONE = STAFF_ROLES;

export const PERMISSIONS = {
  'retailers.read': EVERYONE,
  // Without it a staff member sees only the retailers they are account manager of.
  'retailers.readAll': ['SERVICE_AGENT', 'MARKETING', 'MANAGER', 'EXECUTIVE', 'ADMIN'],
  'retailers.manage': ['ADMIN'],
  'complaints.read': ['SERVICE_AGENT', 'ACCOUNT_MANAGER', 'MANAGER', 'EXECUTIVE', 'ADMIN'],
  'complaints.file': ['SERVICE_AGENT', 'ACCOUNT_MANAGER', 'MANAGER'],
  'complaints.handle': ['SERVICE_AGENT', 'MANAGER'],
  'complaints.reassign': ['SERVICE_AGENT', 'MANAGER'],
  'complaints.followUp': ['SERVICE_AGENT', 'MANAGER'],
  'promotions.read': ['MARKETING', 'MANAGER', 'EXECUTIVE', 'ADMIN'],
  'promotions.draft': ['MARKETING'],
  'promotions.approve': ['MANAGER'],
  // Withdrawing stops a promotion at once (with a reason): its author's team or a manager.
  'promotions.withdraw': ['MARKETING', 'MANAGER'],
  'allocation.read': ['MARKETING', 'MANAGER', 'EXECUTIVE', 'ACCOUNT_MANAGER', 'ADMIN'],
  'allocation.draft': ['MARKETING'],
  'allocation.approve': ['MANAGER'],
  'allocation.adjust': ['MARKETING', 'MANAGER'],
  'rewards.read': ['MARKETING', 'MANAGER', 'EXECUTIVE', 'ADMIN'],
  'rewards.manage': ['MARKETING'],
  'rewards.fulfil': ['MARKETING', 'SERVICE_AGENT'],
  'surveys.read': ['MARKETING', 'MANAGER', 'EXECUTIVE', 'ADMIN'],
  'surveys.draft': ['MARKETING', 'MANAGER'],
  'surveys.approve': ['MANAGER'],
  'surveys.enterAnswers': ['SERVICE_AGENT', 'ACCOUNT_MANAGER'],
  'analytics.read': ['SERVICE_AGENT', 'ACCOUNT_MANAGER', 'MARKETING', 'MANAGER', 'EXECUTIVE', 'ADMIN'],
  // Individual answers and groups under the anonymity threshold
  'analytics.readNamed': ['MANAGER'],
  'grading.read': EVERYONE,
  'grading.decideAppeal': ['MANAGER'],
  // Grading runs: marketing or a manager starts one; another manager publishes it.
  'grading.run': ['MARKETING', 'MANAGER'],
  'grading.publish': ['MANAGER'],
  // Run review; an account manager sees only their own retailers' rows (retailerScope).
  'grading.review': ['MARKETING', 'MANAGER', 'ACCOUNT_MANAGER'],
  'grading.integrity': ['ADMIN'],
  // The share-table editor's preview; saving the table is a setting (admin.settings).
  'grading.shareTable': ['MARKETING', 'MANAGER', 'ADMIN'],
  'changeRequests.file': ['ACCOUNT_MANAGER', 'ADMIN'],
  'changeRequests.approve': ['MANAGER'],
  // Account managers triage their own retailers' alerts; with alerts.readAll (or in the 专卖 department,
  // alerts.service.ts alertAccess) every retailer's.
  'alerts.triage': ['ACCOUNT_MANAGER', 'MANAGER'],
  'alerts.readAll': ['MANAGER'],
  // Running the anomaly rules again for a past cycle
  'alerts.run': ['MANAGER'],
  'visits.log': ['ACCOUNT_MANAGER'],
  // Monthly rankings of retailers; an account manager sees only their own (retailerScope).
  'rankings.read': ['ACCOUNT_MANAGER', 'MARKETING', 'MANAGER', 'EXECUTIVE'],
  // Retailer business analysis (trend, capability, peer bands): account managers their own shops
  // (retailerScope), managers and executives every shop.
  'reports.read': ['ACCOUNT_MANAGER', 'MANAGER', 'EXECUTIVE'],
  // The commentary on a shop's monthly report (客户经理点评): its account manager, or a manager.
  'reports.comment': ['ACCOUNT_MANAGER', 'MANAGER'],
  // Product analysis (商品二八分析、商品综合分析): company-wide aggregates of the monthly product summary.
  'products.read': ['MARKETING', 'MANAGER', 'EXECUTIVE'],
  // The executive dashboard (领导驾驶舱): company-wide trends read from the monthly summaries.
  'dashboard.read': ['MANAGER', 'EXECUTIVE'],
  // Plan completion of every account manager and district
  'visits.readAll': ['MANAGER', 'EXECUTIVE'],
  // The knowledge base: every staff member reads it; the service centre writes it; a manager or senior agent
  // publishes and retires. Its owners' view (votes, deflections, failed searches) goes with writing.
  'knowledge.read': EVERYONE,
  'knowledge.write': ['SERVICE_AGENT', 'MANAGER'],
  'knowledge.publish': ['MANAGER'],
  'admin.users': ['ADMIN'],
  'admin.organisation': ['ADMIN'],
  'admin.calendar': ['ADMIN'],
  'admin.settings': ['ADMIN'],
  'audit.read': ['ADMIN'],
  'admin.jobs': ['ADMIN'],
  'admin.integrations': ['ADMIN'],
  // File imports (imports/): each kind names the permission of its area; 'imports.use' opens the import
  // screens to whoever may import at least one kind (a test keeps the two in step).
  'orders.import': ['ADMIN'],
  'products.import': ['ADMIN', 'MARKETING'],
  'imports.use': ['ADMIN', 'MARKETING'],
  // What the staff home counts for a person (admin/staff-home.service.ts), where no permission above says it:
  // the cases they handle, the shops they are account manager of, the company-wide overviews.
  'home.ownCases.read': ['SERVICE_AGENT'],
  'home.ownShops.read': ['ACCOUNT_MANAGER'],
  'home.companyOverview.read': ['MANAGER', 'EXECUTIVE'],
  'home.retailerCount.read': ['MANAGER', 'EXECUTIVE', 'ADMIN'],
  'home.promotions.read': ['MARKETING', 'MANAGER', 'EXECUTIVE'],
  'home.surveys.read': ['MARKETING', 'MANAGER', 'EXECUTIVE'],
} as const satisfies Record<string, readonly StaffRoleName[]>;

export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(roles: readonly StaffRoleName[], permission: Permission): boolean {
  const allowed: readonly StaffRoleName[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}

export function permissionsOf(roles: readonly StaffRoleName[]): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((permission) => hasPermission(roles, permission));
}
