import { formatDateTime, formatFen, formatNumber } from '@tobacco/i18n/format';
import type { Locale } from '@tobacco/i18n/locale';
import type { MessageKey } from '@tobacco/i18n/messages';
import type { Translate } from '@tobacco/i18n/translator';
import { alertFiguresText } from '../../alerts/alert-text';

// One line of the retailer timeline in the reader's language: what happened, and the figures behind it.
// The events carry data (ids, states, numbers), never stored sentences, so they read in either language.

type Event = { kind: string; id: number; data: Record<string, unknown> };
export type EventText = { title: string; detail?: string; href?: string; photos?: { id: number; name: string }[] };

const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const key = (k: string) => k as MessageKey;

export function timelineEventText(t: Translate, locale: Locale, event: Event, retailerId: number): EventText {
  const d = event.data;
  switch (event.kind) {
    case 'ORDER':
      return {
        title: t('retailer360.event.ORDER', {
          quantity: formatNumber(Number(d.quantity), locale),
          amount: formatFen(Number(d.amountFen), locale),
        }),
        detail: [s(d.cycle), t(key(`schedule.orders.channel.${s(d.channel)}`)), d.status === 'CANCELLED' ? t('retailer360.cancelled') : '']
          .filter(Boolean)
          .join(' · '),
      };
    case 'GRADE':
      return {
        title: t('retailer360.event.GRADE', { grade: s(d.grade), period: s(d.period) }),
        detail: [
          d.initial ? t('retailer360.gradeInitial') : t('retailer360.gradeScore', { score: s(d.score) }),
          d.capped ? t('retailer360.gradeCapped') : '',
          d.appeal ? t('retailer360.gradeAppeal') : '',
        ]
          .filter(Boolean)
          .join(' · '),
      };
    case 'LIMIT':
      return {
        title: t('retailer360.event.LIMIT', {
          product: s(d.product),
          delta: Number(d.delta) > 0 ? `+${s(d.delta)}` : s(d.delta),
          cycle: s(d.cycle),
        }),
        detail: `${s(d.reason)} · ${s(d.by)}`,
      };
    case 'INTEGRITY':
      return {
        title: t('retailer360.event.INTEGRITY', { level: s(d.level) }),
        detail: [s(d.source), s(d.note)].filter(Boolean).join(' · '),
      };
    case 'COMPLAINT':
      return {
        title: t('retailer360.event.COMPLAINT', { kind: t(key(`complaints.kind.${s(d.kind)}`)), subject: s(d.subject) }),
        detail: `${s(d.caseNo)} · ${t(key(`complaints.state.${s(d.state)}`))}`,
        href: `/complaints/${event.id}`,
      };
    case 'SURVEY':
      return {
        title: t('retailer360.event.SURVEY', { survey: s(d.survey) }),
        detail: d.answered
          ? t('retailer360.surveyAnswered', { at: d.submittedAt ? formatDateTime(s(d.submittedAt), locale) : '—' })
          : t('retailer360.surveyNotAnswered'),
      };
    case 'PROMOTION':
      return {
        title: t('retailer360.event.PROMOTION', { title: s(d.title) }),
        detail: d.openedAt
          ? t('retailer360.promotionOpened', { at: formatDateTime(s(d.openedAt), locale) })
          : t('retailer360.promotionNotOpened'),
        href: `/promotions/${event.id}`,
      };
    case 'POINTS':
      return {
        title: t('retailer360.event.POINTS', {
          points: Number(d.points) > 0 ? `+${s(d.points)}` : s(d.points),
          balance: s(d.balanceAfter),
        }),
        detail: [t(key(`retailer360.pointsReason.${s(d.reason)}`)), s(d.note)].filter(Boolean).join(' · '),
      };
    case 'REDEMPTION':
      return {
        title: t('retailer360.event.REDEMPTION', { item: locale === 'en' ? s(d.itemEn) : s(d.item), points: s(d.points) }),
        detail: t(key(`retailer360.redemptionState.${s(d.state)}`)),
      };
    case 'VISIT': {
      const market = (d.market ?? {}) as { competitorPrices?: string | null; scarceStock?: string | null };
      return {
        title: t(d.done ? 'retailer360.event.VISIT' : 'retailer360.event.VISIT_PLANNED', { purpose: s(d.purpose), by: s(d.by) }),
        detail:
          [
            s(d.note),
            market.competitorPrices ? t('retailer360.competitorPrices', { text: market.competitorPrices }) : '',
            market.scarceStock ? t('retailer360.scarceStock', { text: market.scarceStock }) : '',
          ]
            .filter(Boolean)
            .join(' · ') || undefined,
        photos: (d.photos as { id: number; name: string }[] | null) ?? undefined,
      };
    }
    case 'ALERT':
      return {
        title: t('retailer360.event.ALERT', { rule: t(key(`alerts.rule.${s(d.rule)}`)), state: t(key(`alerts.state.${s(d.state)}`)) }),
        detail: [alertFiguresText(t, locale, s(d.rule), d.details), d.answer ? t('retailer360.alertAnswer', { answer: s(d.answer) }) : '']
          .filter(Boolean)
          .join(' '),
        href: `/alerts?retailerId=${retailerId}`,
      };
    case 'CHANGE_REQUEST': {
      const changes = (d.changes ?? {}) as Record<string, unknown>;
      const fields = Object.keys(changes).map((f) =>
        t('common.labelValue', { label: t(key(`admin.changeRequests.field.${f}`)), value: s(changes[f]) }),
      );
      return {
        title: t('retailer360.event.CHANGE_REQUEST', { state: t(key(`admin.changeRequests.state.${s(d.state)}`)) }),
        detail: [fields.join(t('common.clauseSeparator')), s(d.reason)].filter(Boolean).join(' · '),
      };
    }
    default:
      return { title: event.kind };
  }
}
