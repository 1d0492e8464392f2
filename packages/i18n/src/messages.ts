import type { Locale } from './locale';
import { interpolate } from './translator';
import { backofficeEn, backofficeZh } from './messages/backoffice';
import { commonEn, commonZh } from './messages/common';
import { portalEn, portalZh } from './messages/portal';
import { gradingEn, gradingZh } from './messages/grading';
import { allocationEn, allocationZh } from './messages/allocation';
import { scheduleEn, scheduleZh } from './messages/schedule';
import { promotionsEn, promotionsZh } from './messages/promotions';
import { rewardsEn, rewardsZh } from './messages/rewards';
import { notificationsEn, notificationsZh } from './messages/notifications';
import { retailersEn, retailersZh } from './messages/retailers';
import { complaintsEn, complaintsZh } from './messages/complaints';
import { surveysEn, surveysZh } from './messages/surveys';
import { adminEn, adminZh } from './messages/admin';
import { securityEn, securityZh } from './messages/security';
import { jobsEn, jobsZh } from './messages/jobs';
import { datainEn, datainZh } from './messages/datain';
import { importsEn, importsZh } from './messages/imports';
import { gradingStaffEn, gradingStaffZh } from './messages/grading-staff';
import { alertsEn, alertsZh } from './messages/alerts';
import { visitsEn, visitsZh } from './messages/visits';
import { auditEn, auditZh } from './messages/audit';
import { opsEn, opsZh } from './messages/ops';
import { rankingsEn, rankingsZh } from './messages/rankings';
import { reportEn, reportZh } from './messages/report';
import { productsEn, productsZh } from './messages/products';
import { knowledgeEn, knowledgeZh } from './messages/knowledge';
import { channelsEn, channelsZh } from './messages/channels';
import { dashboardEn, dashboardZh } from './messages/dashboard';

// One file per business area, so that the areas can grow without touching each other's messages.
const zhCN = {
  ...commonZh,
  ...portalZh,
  ...backofficeZh,
  ...gradingZh,
  ...allocationZh,
  ...scheduleZh,
  ...promotionsZh,
  ...rewardsZh,
  ...notificationsZh,
  ...retailersZh,
  ...complaintsZh,
  ...surveysZh,
  ...adminZh,
  ...securityZh,
  ...jobsZh,
  ...datainZh,
  ...importsZh,
  ...gradingStaffZh,
  ...alertsZh,
  ...visitsZh,
  ...auditZh,
  ...opsZh,
  ...rankingsZh,
  ...reportZh,
  ...productsZh,
  ...knowledgeZh,
  ...channelsZh,
  ...dashboardZh,
};
export type MessageKey = keyof typeof zhCN;
export type Messages = Record<MessageKey, string>;

export const messages: Record<Locale, Messages> = {
  'zh-CN': zhCN,
  en: {
    ...commonEn,
    ...portalEn,
    ...backofficeEn,
    ...gradingEn,
    ...allocationEn,
    ...scheduleEn,
    ...promotionsEn,
    ...rewardsEn,
    ...notificationsEn,
    ...retailersEn,
    ...complaintsEn,
    ...surveysEn,
    ...adminEn,
    ...securityEn,
    ...jobsEn,
    ...datainEn,
    ...importsEn,
    ...gradingStaffEn,
    ...alertsEn,
    ...visitsEn,
    ...auditEn,
    ...opsEn,
    ...rankingsEn,
    ...reportEn,
    ...productsEn,
    ...knowledgeEn,
    ...channelsEn,
    ...dashboardEn,
  },
};

/**
 * A message's parameters. A list (an array) is joined the way the reader's language joins lists when the
 * message is shown, so code that does not know the reader (the API raising an error, a job storing a
 * reason) never joins it with one language's punctuation.
 */
export type MessageParams = Record<string, string | number | readonly (string | number)[]>;

/** Looks a message up and formats it (ICU message format: parameters, plurals, choices; see translator.ts). */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const text = messages[locale][key];
  if (text !== undefined) return interpolate(text, params, locale);
  const fallback = messages['zh-CN'][key];
  return fallback === undefined ? key : interpolate(fallback, params, 'zh-CN');
}

export function isMessageKey(key: string): key is MessageKey {
  return key in zhCN;
}
