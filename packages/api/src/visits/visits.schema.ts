import { z } from 'zod';
import { ZUpload } from '../complaints/complaints.schema';

// Inputs of the account manager's visit workbench (back office): one schema each, shared by the forms.

const id = z.number().int().positive().max(2147483647);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'visits.validation.date');
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'visits.validation.tooLong')
    .optional()
    .transform((v) => (v ? v : undefined));

export const MAX_VISIT_PHOTOS = 5;
export const VISIT_PAGE_SIZE = 20;

export const ZVisitsDueInput = z.object({ page: z.number().int().min(1).max(10_000).default(1) });

export const ZPlanVisitInput = z.object({
  retailerId: id,
  plannedFor: date,
  purpose: z.string().trim().min(1, 'visits.validation.purpose').max(100, 'visits.validation.tooLong'),
});
export type TPlanVisitInput = z.input<typeof ZPlanVisitInput>;

/** The text fields of a visit log (the form validates these; photos travel as multipart). */
export const ZLogVisitFields = z.object({
  retailerId: id,
  /** The planned visit this log completes, if any */
  visitId: id.optional(),
  purpose: z.string().trim().min(1, 'visits.validation.purpose').max(100, 'visits.validation.tooLong'),
  findings: optionalText(1000),
  competitorPrices: optionalText(500),
  scarceStock: optionalText(500),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
});
export type TLogVisitFields = z.input<typeof ZLogVisitFields>;

export const ZLogVisitInput = ZLogVisitFields.extend({
  photos: z.array(ZUpload).max(MAX_VISIT_PHOTOS, 'visits.validation.tooManyPhotos').default([]),
});
export type TLogVisitInput = z.input<typeof ZLogVisitInput>;

export const ZVisitPhotoInput = z.object({ id });

export const ZVisitCompletionInput = z.object({
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
});

export const ZVisitFormInput = z.object({ retailerId: id, visitId: id.optional() });
