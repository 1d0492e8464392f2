'use server';

import { cookies } from 'next/headers';
import { LOCALE_COOKIE, toLocale } from '@tobacco/i18n/locale';

const ONE_YEAR_SECONDS = 365 * 24 * 3600;

/**
 * The language switch's form action: remembers the choice in the `locale` cookie. Setting a cookie in a
 * server action makes Next render the current page again, so the new language shows without a reload
 * (and the form still works with JavaScript off).
 */
export async function changeLocale(formData: FormData): Promise<void> {
  const locale = toLocale(String(formData.get('locale') ?? ''));
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: ONE_YEAR_SECONDS, sameSite: 'lax' });
}
