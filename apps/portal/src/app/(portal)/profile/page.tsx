import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { formatDateTime } from '@tobacco/i18n/format';
import type { MessageKey } from '@tobacco/i18n/messages';
import { Button } from '@tobacco/ui/button';
import { DetailItem } from '@tobacco/ui/card';
import { errorMessageOf, isUnauthorized } from '@tobacco/ui/lib/error-message';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { Pagination } from '@tobacco/ui/pagination';
import { PageTitle } from '@tobacco/ui/shell';
import { ErrorState } from '@tobacco/ui/states';
import { SessionList, sessionLabels, sessionRows } from '@tobacco/ui/session-list';
import { endSession, signOutEverywhere } from '@/app/actions';
import { ClientMessages } from '@tobacco/ui/client-messages';
import { FormDisclosure } from '@/components/form-disclosure';
import { getServerApi } from '@/trpc/server';
import { cancelChangeRequestAction } from './actions';
import { LazyChangeRequestForm, LazyChannelsForm, LazyPasswordForm } from './lazy-forms';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('retailers.profile.title') };
}

const card = 'flex flex-col gap-4 rounded-xl border border-line bg-surface p-4 shadow-sm sm:p-6';
const FIELD_KEYS = {
  phone: 'retailers.profile.phone',
  address: 'retailers.profile.address',
  contactName: 'retailers.profile.contactName',
} as const;

export default async function ProfilePage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const sp = await searchParams;
  const [{ t, locale }, { api, requestId }] = await Promise.all([getI18n(), getServerApi()]);
  let profile;
  let requests;
  let sessions;
  let channels;
  try {
    [profile, requests, sessions, channels] = await Promise.all([
      api.retailers.profile(),
      api.retailers.changeRequests({ page: Math.max(1, Number(sp.page) || 1), pageSize: 10 }),
      api.sessions.list(),
      api.channels.mine(),
    ]);
  } catch (error) {
    if (isUnauthorized(error)) redirect('/login');
    const m = errorMessageOf(error, requestId);
    return (
      <>
        <PageTitle>{t('retailers.profile.title')}</PageTitle>
        <ErrorState title={t('common.loadFailed')} message={t(m.key, m.params)} />
      </>
    );
  }
  const { shop, login } = profile;
  const none = t('retailers.profile.none');

  return (
    <div className="flex flex-col gap-6">
      <PageTitle description={t('retailers.profile.signedInAs', { name: login.displayName, login: login.loginName })}>
        {t('retailers.profile.title')}
      </PageTitle>

      <section aria-labelledby="contact-title" className={card}>
        <h2 id="contact-title" className="text-xl font-bold">
          {t('retailers.profile.contact')}
        </h2>
        <dl className="grid grid-cols-1 gap-4 min-[400px]:grid-cols-2" data-testid="profile-contact">
          <DetailItem term={t('retailers.profile.shopName')}>{shop.shopName}</DetailItem>
          <DetailItem term={t('portal.shop.licenceNo')}>{shop.licenceNo}</DetailItem>
          <DetailItem term={t('retailers.profile.owner')}>{shop.ownerName}</DetailItem>
          <DetailItem term={t('retailers.profile.contactName')}>{shop.contactName ?? none}</DetailItem>
          <DetailItem term={t('retailers.profile.phone')}>{shop.phone}</DetailItem>
          <DetailItem term={t('retailers.profile.district')}>{locale === 'en' ? shop.district.nameEn : shop.district.name}</DetailItem>
          <DetailItem term={t('retailers.profile.address')} className="min-[400px]:col-span-2">
            {shop.address}
          </DetailItem>
        </dl>
      </section>

      <section aria-labelledby="change-title" className={card}>
        <h2 id="change-title" className="text-xl font-bold">
          {t('retailers.changeRequest.title')}
        </h2>
        <p>{t('retailers.changeRequest.intro')}</p>
        <ClientMessages prefixes={['retailers.changeRequest.']}>
          <FormDisclosure label={t('retailers.changeRequest.open')}>
            <LazyChangeRequestForm />
          </FormDisclosure>
        </ClientMessages>
        <h3 className="text-lg font-bold">{t('retailers.changeRequest.list')}</h3>
        {requests.items.length === 0 ? (
          <p className="text-ink-muted">{t('retailers.changeRequest.empty')}</p>
        ) : (
          <ul className="flex flex-col gap-3" data-testid="change-requests">
            {requests.items.map((r) => (
              <li key={r.id} className="flex flex-col gap-1 rounded-lg border border-line p-3">
                <p className="flex flex-wrap items-center justify-between gap-2">
                  <span className="text-sm text-ink-muted">
                    {t('retailers.changeRequest.filedOn', { date: formatDateTime(r.createdAt, locale) })}
                  </span>
                  <span className="rounded-full bg-brand-50 px-3 py-0.5 font-semibold text-brand-800">
                    {t(`retailers.changeRequest.state.${r.state}` as MessageKey)}
                  </span>
                </p>
                {(Object.keys(FIELD_KEYS) as (keyof typeof FIELD_KEYS)[])
                  .filter((f) => r.changes[f])
                  .map((f) => (
                    <p key={f}>
                      {t('retailers.changeRequest.change', {
                        field: t(FIELD_KEYS[f]),
                        from: r.previous[f] || none,
                        to: r.changes[f] ?? '',
                      })}
                    </p>
                  ))}
                {r.reason ? <p className="text-ink-muted">{r.reason}</p> : null}
                {r.byAccountManager ? <p className="text-sm text-ink-muted">{t('retailers.changeRequest.byManager')}</p> : null}
                {r.decisionNote ? <p>{t('retailers.changeRequest.decision', { note: r.decisionNote })}</p> : null}
                {r.state === 'PENDING' ? (
                  <form action={cancelChangeRequestAction}>
                    <input type="hidden" name="id" value={r.id} />
                    <Button type="submit" variant="secondary">
                      {t('retailers.changeRequest.cancel')}
                    </Button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {requests.pages > 1 ? (
          <Pagination
            page={requests.page}
            pages={requests.pages}
            hrefFor={(p) => `/profile?page=${p}#change-title`}
            labels={{
              nav: t('common.pagination'),
              previous: t('common.previous'),
              next: t('common.next'),
              status: t('common.pageOf', { page: requests.page, pages: requests.pages, total: requests.total }),
            }}
          />
        ) : null}
      </section>

      <section aria-labelledby="channels-title" className={card}>
        <h2 id="channels-title" className="text-xl font-bold">
          {t('channels.title')}
        </h2>
        <p>{t('channels.intro')}</p>
        <ClientMessages prefixes={['channels.', 'notifications.kind.']}>
          <FormDisclosure label={t('channels.open')}>
            <LazyChannelsForm
              initial={{ greetings: channels.greetings, preferences: channels.preferences }}
              wechatLinked={channels.wechatLinked}
            />
          </FormDisclosure>
        </ClientMessages>
      </section>

      <section aria-labelledby="password-title" className={card}>
        <h2 id="password-title" className="text-xl font-bold">
          {t('retailers.password.title')}
        </h2>
        <p>{t('retailers.password.intro')}</p>
        <ClientMessages prefixes={['retailers.password.']}>
          <FormDisclosure label={t('retailers.password.open')}>
            <LazyPasswordForm />
          </FormDisclosure>
        </ClientMessages>
      </section>

      <SessionList
        sessions={sessionRows(sessions)}
        labels={sessionLabels(t, locale)}
        endAction={endSession}
        everywhereAction={signOutEverywhere}
      />
    </div>
  );
}
