import type { Locale } from '@tobacco/i18n/locale';
import { changeLocale } from './lib/locale-action';
import { cn } from './lib/cn';

const CHOICES: { locale: Locale; label: string; lang: string }[] = [
  { locale: 'zh-CN', label: '中文', lang: 'zh-CN' },
  { locale: 'en', label: 'English', lang: 'en' },
];

/**
 * 中文 / English. Each language is named in itself, so it can be found whichever is showing. A plain form
 * posting to a server action: it works before the page's JavaScript has loaded.
 */
export function LanguageSwitch({ locale, label, className }: { locale: Locale; label: string; className?: string }) {
  return (
    <form action={changeLocale} className={className}>
      <div role="group" aria-label={label} className="inline-flex overflow-hidden rounded-lg border border-brand-700">
        {CHOICES.map((choice) => {
          const current = choice.locale === locale;
          return (
            <button
              key={choice.locale}
              type="submit"
              name="locale"
              value={choice.locale}
              lang={choice.lang}
              aria-pressed={current}
              // px-2: at 200 % text on a 360 px phone, "中文 | English" must fit beside the page's margins.
              className={cn(
                'min-h-11 min-w-11 px-2 text-base font-semibold whitespace-nowrap',
                current ? 'bg-brand-700 text-white' : 'bg-surface text-brand-800 hover:bg-brand-50',
              )}
            >
              {choice.label}
            </button>
          );
        })}
      </div>
    </form>
  );
}
