import type { Locale } from '@tobacco/i18n/locale';
import type { Translate } from '@tobacco/i18n/translator';
import { addDays, mondayOf, weekdayOf } from '@tobacco/api/schedule/calendar.rules';

type Props = {
  today: string;
  cycles: { orderDay: { actual: string }; deliveryDate: string }[];
  specialDays: { date: string; kind: 'HOLIDAY' | 'MAKEUP_WORKDAY'; name: string }[];
  t: Translate;
  locale: Locale;
};

const WEEKDAYS: Record<Locale, string[]> = {
  'zh-CN': ['一', '二', '三', '四', '五', '六', '日'],
  en: ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'],
};

/**
 * The months the next cycles span, as plain tables (server-rendered, no JavaScript): order days,
 * delivery days, holidays and make-up working days are marked with a colour and with words, so the
 * meaning never rests on colour alone.
 */
export function MonthCalendar({ today, cycles, specialDays, t, locale }: Props) {
  const orderDays = new Set(cycles.map((c) => c.orderDay.actual));
  const deliveryDays = new Set(cycles.map((c) => c.deliveryDate));
  const special = new Map(specialDays.map((d) => [d.date, d]));
  const last = cycles.reduce((max, c) => (c.deliveryDate > max ? c.deliveryDate : max), today);
  const months: string[] = [];
  for (let m = today.slice(0, 7); m <= last.slice(0, 7); m = nextMonth(m)) months.push(m);

  return (
    <div className="flex flex-col gap-4">
      <ul aria-label={t('schedule.calendar.legend')} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <li>
          <span aria-hidden="true" className="mr-1 inline-block size-3 rounded-sm bg-brand-700" />
          {t('schedule.calendar.orderDay')}
        </li>
        <li>
          <span aria-hidden="true" className="mr-1 inline-block size-3 rounded-sm border-2 border-success-700" />
          {t('schedule.calendar.delivery')}
        </li>
        <li>
          <span aria-hidden="true" className="mr-1 inline-block size-3 rounded-sm bg-danger-50 ring-1 ring-danger-700" />
          {t('schedule.calendar.holiday')}
        </li>
        <li>
          <span aria-hidden="true" className="mr-1 inline-block size-3 rounded-sm bg-warning-50 ring-1 ring-warning-800" />
          {t('schedule.calendar.makeup')}
        </li>
      </ul>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        {months.map((month) => {
          const first = `${month}-01`;
          const weeks: string[][] = [];
          for (let start = mondayOf(first); start.slice(0, 7) <= month; start = addDays(start, 7)) {
            weeks.push(Array.from({ length: 7 }, (_, i) => addDays(start, i)));
          }
          const [y, m] = month.split('-');
          return (
            <table key={month} className="w-full table-fixed border-collapse text-center">
              <caption className="pb-1 text-left font-semibold">{t('schedule.calendar.month', { year: y!, month: Number(m) })}</caption>
              <thead>
                <tr>
                  {WEEKDAYS[locale].map((d) => (
                    <th key={d} scope="col" className="text-sm font-semibold text-ink-muted">
                      {d}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {weeks.map((week) => (
                  <tr key={week[0]}>
                    {week.map((date) => {
                      if (date.slice(0, 7) !== month) return <td key={date} />;
                      const s = special.get(date);
                      const marks = [
                        date === today ? t('schedule.calendar.today') : null,
                        orderDays.has(date) ? t('schedule.calendar.orderDay') : null,
                        deliveryDays.has(date) ? t('schedule.calendar.delivery') : null,
                        s ? `${s.name} · ${t(s.kind === 'HOLIDAY' ? 'schedule.calendar.holiday' : 'schedule.calendar.makeup')}` : null,
                      ].filter(Boolean);
                      const cls = [
                        'mx-auto flex size-10 items-center justify-center rounded-lg',
                        orderDays.has(date)
                          ? 'bg-brand-700 font-bold text-white'
                          : s?.kind === 'HOLIDAY'
                            ? 'bg-danger-50 text-danger-700 ring-1 ring-danger-700'
                            : s
                              ? 'bg-warning-50 text-warning-800 ring-1 ring-warning-800'
                              : weekdayOf(date) >= 6
                                ? 'text-ink-muted'
                                : '',
                        deliveryDays.has(date) ? 'border-2 border-success-700' : '',
                        date === today ? 'underline decoration-2' : '',
                      ].join(' ');
                      return (
                        <td key={date} className="py-0.5">
                          <span className={cls} title={marks.join(' · ') || undefined}>
                            {Number(date.slice(8))}
                            {marks.length ? <span className="sr-only">{` ${marks.join(t('common.clauseSeparator'))}`}</span> : null}
                          </span>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          );
        })}
      </div>
    </div>
  );
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
