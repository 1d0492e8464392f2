// Every page's client components translate these (the retailer list, error boundaries, forms and their
// errors); server components translate on the server, and an area whose client components need more gives
// them in its layout (administration its `admin.` messages, the sign-in page its `auth.` ones). Of the
// administration's messages every page sends only what other areas' client components use: the input checks
// of shared schemas, the errors procedures raise, the shared form feedback (admin/_components/feedback.tsx),
// the password change, the list kit's export and filters, and the change requests on the 360 timeline.
export const CLIENT_MESSAGES = [
  'common.',
  'errors.',
  'enum.',
  'backoffice.retailers.',
  'admin.validation.',
  'admin.error.',
  'admin.assign.error',
  'admin.calendar.error',
  'admin.categories.error',
  'admin.organisation.error',
  'admin.retailers.error',
  'admin.settings.error',
  'admin.users.error',
  'admin.jobs.errors',
  'admin.changeRequests.',
  'admin.password.',
  'admin.saving',
  'admin.active',
  'admin.restore',
  'admin.retire',
  'admin.export.',
  'admin.filters',
];
