import { z } from 'zod/mini';

// The sign-in forms of both apps. Messages are i18n keys, translated where they are shown.
// Field names match the next-auth credentials provider's (`login`, `password`).
// zod/mini: the same schemas at a fraction of the size, since the login page's JavaScript is its first load.

const password = z.string().check(z.minLength(1, 'auth.validation.password'), z.maxLength(128, 'auth.validation.password'));

export const ZRetailerSignIn = z.object({
  login: z.string().check(z.trim(), z.regex(/^\d{12}$/, 'auth.validation.licenceNo')),
  password,
});
export type TRetailerSignIn = z.infer<typeof ZRetailerSignIn>;

export const ZStaffSignIn = z.object({
  login: z.string().check(z.trim(), z.minLength(1, 'auth.validation.username'), z.maxLength(64, 'auth.validation.username')),
  password,
});
export type TStaffSignIn = z.infer<typeof ZStaffSignIn>;

export type TSignIn = { login: string; password: string };
