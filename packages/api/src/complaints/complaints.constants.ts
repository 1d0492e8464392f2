// The complaints area's fixed lists and limits, without zod: the portal's filing form and file picker read
// them when the page loads, and zod (with the schemas) loads only when a form is first checked.

export const CASE_KINDS = ['COMPLAINT', 'QUESTION', 'SUGGESTION', 'REPORT'] as const;
export const CASE_CHANNELS = ['PORTAL', 'PHONE', 'VISIT'] as const;
export const QUEUE_STATES = ['SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'WAITING_RETAILER', 'RESOLVED', 'CLOSED'] as const;
/** The states a queue counts: the work still to do, plus resolved cases awaiting confirmation or the follow-up call. */
export const COUNTED_STATES = ['SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'WAITING_RETAILER', 'RESOLVED'] as const;

export const MAX_ATTACHMENTS = 5;
export const ATTACHMENT_MIME_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'image/heif',
  'application/pdf',
] as const;
