import { z } from 'zod';
import { ComplaintEventType } from '@tobacco/db/enums';
import { CASE_CHANNELS, CASE_KINDS, MAX_ATTACHMENTS, QUEUE_STATES } from './complaints.constants';

// Inputs of the complaints area, shared by the forms (zodResolver) and the procedures. Messages are i18n keys.

const id = z.number().int().positive();
const version = z.number().int().min(0);
const text = (max: number, key: string) => z.string().trim().min(1, key).max(max, 'complaints.validation.tooLong');

/** A case's id and the version the person saw: a write on a newer version is refused as a conflict. */
export const ZCaseRef = z.object({ id, version });

export const ZFileComplaintFields = z.object({
  kind: z.enum(CASE_KINDS, 'complaints.validation.kind'),
  categoryId: z.number('complaints.validation.category').int().positive('complaints.validation.category'),
  subject: z.string().trim().min(2, 'complaints.validation.subject').max(100, 'complaints.validation.tooLong'),
  description: z.string().trim().min(5, 'complaints.validation.description').max(2000, 'complaints.validation.tooLong'),
  relatedOrderId: id.nullish(),
  /** Made once per form on the device: a double-submitted form files one case. */
  idempotencyKey: z
    .string()
    .trim()
    .min(8)
    .max(64)
    .regex(/^[\w-]+$/),
});
export type TFileComplaintFields = z.input<typeof ZFileComplaintFields>;

/** A file as the app server received it; only the in-process caller can pass bytes (never JSON over HTTP). */
export const ZUpload = z.object({ fileName: z.string().trim().min(1).max(200), bytes: z.instanceof(Uint8Array) });
export type TUpload = z.output<typeof ZUpload>;
const uploads = z.array(ZUpload).max(MAX_ATTACHMENTS, 'complaints.validation.tooManyFiles').default([]);

export const ZFileComplaintInput = ZFileComplaintFields.extend({ attachments: uploads });
export type TFileComplaintInput = z.input<typeof ZFileComplaintInput>;

export const ZFileByPhoneFields = ZFileComplaintFields.extend({
  retailerId: id,
  channel: z.enum(['PHONE', 'VISIT']).default('PHONE'),
});
export type TFileByPhoneFields = z.input<typeof ZFileByPhoneFields>;
export const ZFileByPhoneInput = ZFileByPhoneFields.extend({ attachments: uploads });

export const ZMyComplaintsInput = z.object({
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(5).max(50).default(10),
});

export const ZCaseIdInput = z.object({ id });
export const ZAttachmentIdInput = z.object({ id });

export const ZRespondFields = ZCaseRef.extend({ body: text(2000, 'complaints.validation.body') });
export type TRespondFields = z.input<typeof ZRespondFields>;
export const ZRespondInput = ZRespondFields.extend({ attachments: uploads });

export const ZRatingFields = ZCaseRef.extend({
  rating: z.number('complaints.validation.rating').int().min(1, 'complaints.validation.rating').max(5, 'complaints.validation.rating'),
  comment: z.string().trim().max(500, 'complaints.validation.tooLong').optional(),
});
export type TRatingFields = z.input<typeof ZRatingFields>;

export const ZReopenInput = ZCaseRef.extend({ reason: text(500, 'complaints.validation.reason') });
export type TReopenInput = z.input<typeof ZReopenInput>;

// ---------------------------------------------------------------- staff

export const ZStaffTextInput = ZCaseRef.extend({ body: text(2000, 'complaints.validation.body') });
export type TStaffTextInput = z.input<typeof ZStaffTextInput>;
export const ZOptionalTextInput = ZCaseRef.extend({ body: z.string().trim().max(2000, 'complaints.validation.tooLong').optional() });
export const ZNoteInput = z.object({ id, body: text(2000, 'complaints.validation.body') });

export const ZFollowUpInput = ZCaseRef.extend({
  reached: z.boolean(),
  satisfied: z.boolean().nullable(),
  note: z.string().trim().max(1000, 'complaints.validation.tooLong').optional(),
});
export type TFollowUpInput = z.input<typeof ZFollowUpInput>;

export const ZReassignInput = ZCaseRef.extend({ departmentId: id, ownerId: id.nullable(), note: z.string().trim().max(500).optional() });
export type TReassignInput = z.input<typeof ZReassignInput>;

export const ZLookupRetailerInput = z.object({
  q: z.string().trim().min(3, 'complaints.validation.lookup').max(20).regex(/^\d+$/, 'complaints.validation.lookup'),
});

export const QUEUE_PAGE_SIZES = [20, 50, 100] as const;
export const ZQueueInput = z.object({
  /** 'open' (the default) is every state but CLOSED; 'all' is every state. */
  state: z.enum([...QUEUE_STATES, 'open', 'all']).default('open'),
  kind: z.enum(CASE_KINDS).optional(),
  categoryId: id.optional(),
  departmentId: id.optional(),
  /** 'me', 'none' (unassigned) or a staff id. */
  owner: z.union([z.literal('me'), z.literal('none'), z.coerce.number().int().positive()]).optional(),
  channel: z.enum(CASE_CHANNELS).optional(),
  districtId: id.optional(),
  overdue: z.boolean().optional(),
  dueToday: z.boolean().optional(),
  q: z.string().trim().max(40).optional(),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.union([z.literal(20), z.literal(50), z.literal(100)]).default(20),
});
export type TQueueInput = z.input<typeof ZQueueInput>;

export const ZOverviewInput = z.object({
  /** China dates, inclusive; the default is the last 90 days. */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type TOverviewInput = z.input<typeof ZOverviewInput>;

// ---------------------------------------------------------------- portal outputs
// What a retailer's pages read, and nothing more: internal notes, internal routing (owner, department ids)
// and anything a service adds later stay in the back office unless listed here.

/** The steps a retailer may take on a case: the buttons of the portal's case page. */
export const RETAILER_CASE_ACTIONS = ['retailerRespond', 'confirm', 'reopen', 'rate'] as const;
export type RetailerCaseAction = (typeof RETAILER_CASE_ACTIONS)[number];

const ZNames = z.object({ name: z.string(), nameEn: z.string() });

export const ZFilingOptionsOutput = z.object({
  categories: z.array(z.object({ id: z.number().int(), name: z.string(), nameEn: z.string() })),
  orders: z.array(
    z.object({ id: z.number().int(), orderDate: z.date(), totalQuantity: z.number().int(), totalAmountFen: z.number().int() }),
  ),
});

export const ZFiledCaseOutput = z.object({ id: z.number().int(), caseNo: z.string(), duplicate: z.boolean() });

export const ZMyComplaintsOutput = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      caseNo: z.string(),
      kind: z.enum(CASE_KINDS),
      state: z.enum(QUEUE_STATES),
      subject: z.string(),
      createdAt: z.date(),
      resolveDueAt: z.date(),
      rating: z.number().int().nullable(),
      category: ZNames,
      waitingForMe: z.boolean(),
    }),
  ),
  total: z.number().int(),
  waiting: z.number().int(),
  page: z.number().int(),
  pages: z.number().int(),
});

/**
 * A public event's data (a JSON column), cut down to what the timeline reads: a rating, a moved deadline, a
 * reopen's reason. The rest (the follow-up call's deadline on a resolution, the clocks of a filing) is staff's.
 */
const ZPublicEventData = z.preprocess(
  (value) => (value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null),
  z.object({ rating: z.number().optional(), after: z.string().optional(), reason: z.string().optional() }).nullable(),
);

export const ZMyComplaintOutput = z.object({
  id: z.number().int(),
  caseNo: z.string(),
  kind: z.enum(CASE_KINDS),
  state: z.enum(QUEUE_STATES),
  channel: z.enum(CASE_CHANNELS),
  subject: z.string(),
  version: z.number().int(),
  createdAt: z.date(),
  acceptDueAt: z.date(),
  resolveDueAt: z.date(),
  resolvedAt: z.date().nullable(),
  pausedAt: z.date().nullable(),
  rating: z.number().int().nullable(),
  category: ZNames,
  /** The department handling the case, by name: the retailer is told who, never the internal routing. */
  department: ZNames,
  relatedOrder: z.object({ id: z.number().int(), orderDate: z.date(), totalQuantity: z.number().int() }).nullable(),
  events: z.array(
    z.object({
      id: z.number().int(),
      type: z.enum(ComplaintEventType),
      body: z.string().nullable(),
      messageKey: z.string().nullable(),
      // A system message's stored parameters: open JSON by design (each message names its own), rendered by
      // renderStored, which skips anything it does not understand.
      params: z.unknown(),
      data: ZPublicEventData,
      createdAt: z.date(),
      actorStaff: z.object({ name: z.string() }).nullable(),
      actorLogin: z.object({ displayName: z.string() }).nullable(),
      attachments: z.array(z.object({ id: z.number().int(), fileName: z.string() })),
    }),
  ),
  actions: z.array(z.enum(RETAILER_CASE_ACTIONS)),
  reopenUntil: z.date().nullable(),
});

export const ZCaseIdOutput = z.object({ id: z.number().int() });
export const ZRatedOutput = z.object({ id: z.number().int(), reopened: z.boolean() });
