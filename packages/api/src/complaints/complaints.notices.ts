import type { MessageKey } from '@tobacco/i18n/messages';
import type { StoredParams } from '@tobacco/i18n/stored';
import type { NotificationInput } from '../notifications/notifications.service';

// The complaints area's inbox notices and timeline texts, as message keys: every reader (a retailer, an
// agent, a manager) sees them in their own language. What a person wrote (a subject, a reply) is the
// notice's `detail` and is shown as written.

type CaseNoticeEvent =
  | 'report'
  | 'filedForYou'
  | 'retailerAnswered'
  | 'reopened'
  | 'accepted'
  | 'closed'
  | 'reply'
  | 'infoRequested'
  | 'resolved'
  | 'assigned'
  | 'breach';

export function caseNotice(
  event: CaseNoticeEvent,
  c: { id: number; caseNo: string },
  detail?: string | null,
  params?: StoredParams,
): NotificationInput {
  return {
    kind: event === 'breach' ? 'SLA_REMINDER' : 'COMPLAINT_UPDATE',
    messageKey: `complaints.notify.${event}`,
    params: { caseNo: c.caseNo, ...params, ...(detail ? { detail } : {}) },
    link: `/complaints/${c.id}`,
  };
}

/** System texts of a case's timeline (the rest of an event is what a person wrote). */
export type EventMessageKey = Extract<MessageKey, `complaints.event.${string}` | 'admin.calendar.deadlineEvent'>;
