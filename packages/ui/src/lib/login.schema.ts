import { z } from 'zod';

// The sign-in forms of both apps. Messages are i18n keys, translated where they are shown.
// Field names match the next-auth credentials provider's (`login`, `password`).

export const ZRetailerSignIn = z.object({
  login: z.string().trim().regex(/^\d{12}$/, 'auth.validation.licenceNo'),
  password: z.string().min(1, 'auth.validation.password').max(128, 'auth.validation.password'),
});
export type TRetailerSignIn = z.infer<typeof ZRetailerSignIn>;

export const ZStaffSignIn = z.object({
  login: z.string().trim().min(1, 'auth.validation.username').max(64, 'auth.validation.username'),
  password: z.string().min(1, 'auth.validation.password').max(128, 'auth.validation.password'),
});
export type TStaffSignIn = z.infer<typeof ZStaffSignIn>;

export type TSignIn = { login: string; password: string };
