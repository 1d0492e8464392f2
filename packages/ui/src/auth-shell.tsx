import type { ReactNode } from 'react';
import type { Locale } from '@tobacco/i18n/locale';
import { LanguageSwitch } from './language-switch';
import { Main, SkipLink } from './shell';

/** The frame of both login pages: the app's name, the language switch, and one card with the page's h1. */
export function AuthShell({
  appName,
  company,
  title,
  locale,
  labels,
  children,
}: {
  appName: string;
  company: string;
  title: string;
  locale: Locale;
  labels: { skipToContent: string; language: string };
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink label={labels.skipToContent} />
      <header className="border-b border-line bg-surface">
        <div className="mx-auto flex w-full max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <p className="flex flex-col leading-tight">
            <span className="text-lg font-bold text-brand-800">{appName}</span>
            <span className="text-sm text-ink-subtle">{company}</span>
          </p>
          <LanguageSwitch locale={locale} label={labels.language} />
        </div>
      </header>
      <Main className="flex w-full items-start justify-center px-4 py-8 sm:py-12">
        <div className="w-full max-w-md rounded-xl border border-line bg-surface p-5 shadow-sm sm:p-8">
          <h1 className="mb-6 text-2xl font-bold text-ink">{title}</h1>
          {children}
        </div>
      </Main>
    </div>
  );
}
