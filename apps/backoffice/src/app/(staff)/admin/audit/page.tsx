import Link from 'next/link';
import { ZListAuditInput } from '@tobacco/api/admin/audit.staff.schema';
import { formatDateTime } from '@tobacco/i18n/format';
import type { Locale } from '@tobacco/i18n/locale';
import { isMessageKey } from '@tobacco/i18n/messages';
import type { Translate } from '@tobacco/i18n/translator';
import { SelectField, TextField } from '@tobacco/ui/field';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { EmptyState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { FilterBar, ListPagination } from '@/components/list-kit';
import { getServerApi } from '@/trpc/server';
import { AdminPage, adminMetadata } from '../_components/admin-page';
import { hrefWith, parseSearch, type SearchParams } from '../_components/search-params';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => adminMetadata('admin.audit.title');

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return (
    <AdminPage permission="audit.read" title="admin.audit.title" description="admin.audit.description">
      <AuditLog searchParams={await searchParams} />
    </AdminPage>
  );
}

/** An action's name in the reader's language; a code not named yet is shown as written. */
function actionName(t: Translate, code: string): string {
  const key = `audit.action.${code}`;
  return isMessageKey(key) ? t(key) : code;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A JSON value, compact and readable: the before/after of an audit row, its instants in Beijing time. */
function Json({ value, none, locale }: { value: unknown; none: string; locale: Locale }) {
  if (value === null || value === undefined) return <span className="text-ink-muted">{none}</span>;
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' && INSTANT.test(v) ? formatDateTime(v, locale) : v), 2);
  return <pre className="max-h-64 max-w-xl overflow-auto rounded-md bg-canvas p-2 text-sm whitespace-pre-wrap">{text}</pre>;
}

async function AuditLog({ searchParams }: { searchParams: SearchParams }) {
  const input = parseSearch(ZListAuditInput, searchParams, { numbers: ['actorStaffId', 'page'] });
  const [{ t, locale }, { api }] = await Promise.all([getI18n(), getServerApi()]);
  const [list, options] = await Promise.all([api.audit.list(input), api.audit.filterOptions()]);
  const entityPrefixes = [...new Set(options.actions.map((a) => `${a.split('.')[0]}.`))];
  return (
    <div className="flex flex-col gap-4">
      <FilterBar resetHref="/admin/audit" columns="wide-3">
        <SelectField
          id="audit-user"
          name="actorStaffId"
          label={t('admin.audit.filter.user')}
          placeholder={t('common.all')}
          defaultValue={input.actorStaffId ?? ''}
          options={options.staff.map((s) => ({ value: s.id, label: t('admin.audit.staffName', { name: s.name, username: s.username }) }))}
        />
        <SelectField
          id="audit-entity-type"
          name="entityType"
          label={t('admin.audit.filter.entityType')}
          placeholder={t('common.all')}
          defaultValue={input.entityType ?? ''}
          options={options.entityTypes.map((e) => ({ value: e, label: e }))}
        />
        <TextField id="audit-entity-id" name="entityId" label={t('admin.audit.filter.entityId')} defaultValue={input.entityId ?? ''} />
        <SelectField
          id="audit-action"
          name="action"
          label={t('admin.audit.filter.action')}
          placeholder={t('common.all')}
          defaultValue={input.action ?? ''}
          options={[
            ...entityPrefixes.map((p) => ({ value: p, label: `${p}*` })),
            ...options.actions.map((a) => ({ value: a, label: actionName(t, a) })),
          ]}
        />
        <TextField id="audit-from" name="from" type="date" label={t('admin.audit.filter.from')} defaultValue={input.from ?? ''} />
        <TextField id="audit-to" name="to" type="date" label={t('admin.audit.filter.to')} defaultValue={input.to ?? ''} />
      </FilterBar>
      {list.items.length === 0 ? (
        <EmptyState title={t('admin.audit.empty')} />
      ) : (
        <DataTable caption={t('admin.audit.caption', { total: list.total })} scrollLabel={t('admin.audit.scroll')}>
          <thead>
            <tr>
              <Th>{t('admin.audit.col.time')}</Th>
              <Th>{t('admin.audit.col.actor')}</Th>
              <Th>{t('admin.audit.col.action')}</Th>
              <Th>{t('admin.audit.col.entity')}</Th>
              <Th>{t('admin.audit.col.change')}</Th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((row) => (
              <tr key={row.id} data-testid="audit-row">
                <Td className="whitespace-nowrap">{formatDateTime(row.createdAt, locale)}</Td>
                <Td>
                  {row.staffName
                    ? t('admin.audit.staffName', { name: row.staffName, username: row.staffUsername ?? '' })
                    : row.loginName
                      ? t('admin.audit.retailerLogin', { login: row.loginName })
                      : t('admin.audit.system')}
                </Td>
                <Td>
                  {actionName(t, row.action)}
                  <span className="block font-mono text-xs text-ink-muted">{row.action}</span>
                </Td>
                <Td>
                  <Link
                    href={hrefWith('/admin/audit', { entityType: row.entityType, entityId: row.entityId })}
                    className="font-mono text-sm"
                  >
                    {row.entityType} #{row.entityId}
                  </Link>
                </Td>
                <Td>
                  {row.before === null && row.after === null ? (
                    <span className="text-ink-muted">{t('admin.audit.none')}</span>
                  ) : (
                    <details>
                      <summary className="min-h-11 cursor-pointer py-2 text-brand-800">{t('admin.audit.details')}</summary>
                      <div className="grid gap-2 lg:grid-cols-2">
                        <div>
                          <p className="text-sm font-semibold">{t('admin.audit.before')}</p>
                          <Json value={row.before} none={t('admin.audit.none')} locale={locale} />
                        </div>
                        <div>
                          <p className="text-sm font-semibold">{t('admin.audit.after')}</p>
                          <Json value={row.after} none={t('admin.audit.none')} locale={locale} />
                        </div>
                      </div>
                    </details>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <ListPagination
        page={list.page}
        pages={list.pages}
        total={list.total}
        hrefFor={(page) => hrefWith('/admin/audit', { ...input, page })}
      />
    </div>
  );
}
