import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import type { MessageKey } from '@tobacco/i18n/messages';
import { buttonClass } from '@tobacco/ui/button';
import { SelectField } from '@tobacco/ui/field';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { EmptyState } from '@tobacco/ui/states';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { deniedArea } from '@/components/area-page';
import { getServerApi } from '@/trpc/server';
import { parseSearch, type SearchParams } from '../../admin/_components/search-params';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t('allocation.staff.compare.title') };
}

const ZCompareSearch = z.object({ a: z.number().int().positive().optional(), b: z.number().int().positive().optional() });

export default async function ComparePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const denied = await deniedArea('allocation');
  if (denied) return denied;
  const input = parseSearch(ZCompareSearch, await searchParams, { numbers: ['a', 'b'] });
  const [{ t }, { api }] = await Promise.all([getI18n(), getServerApi()]);
  const versions = await api.allocation.versions();
  const options = versions.map((v) => ({
    value: v.id,
    label: `${v.cycle} · ${t('allocation.staff.versionN', { version: v.version })} · ${t(`allocation.staff.state.${v.state}` as MessageKey)}`,
  }));
  const diff = input.a && input.b ? await api.allocation.compare({ a: input.a, b: input.b }).catch(() => null) : null;
  const limit = (n: number | null) => (n === null ? t('allocation.staff.compare.unlimited') : String(n));
  return (
    <div className="flex flex-col gap-5">
      <p>
        <Link href="/allocation">← {t('allocation.staff.title')}</Link>
      </p>
      <PageTitle description={t('allocation.staff.compare.description')}>{t('allocation.staff.compare.title')}</PageTitle>
      <form method="get" className="grid gap-4 rounded-xl border border-line bg-surface p-4 sm:grid-cols-[1fr_1fr_auto]">
        <SelectField
          name="a"
          label={t('allocation.staff.compare.a')}
          defaultValue={input.a ?? ''}
          placeholder={t('allocation.staff.compare.choose')}
          options={options}
        />
        <SelectField
          name="b"
          label={t('allocation.staff.compare.b')}
          defaultValue={input.b ?? ''}
          placeholder={t('allocation.staff.compare.choose')}
          options={options}
        />
        <button type="submit" className={buttonClass('primary', 'md', 'self-end')}>
          {t('allocation.staff.compare.run')}
        </button>
      </form>
      {!input.a || !input.b ? (
        <EmptyState title={t('allocation.staff.compare.pick')} />
      ) : !diff ? (
        <EmptyState title={t('errors.NOT_FOUND')} />
      ) : diff.changes.length === 0 ? (
        <EmptyState title={t('allocation.staff.compare.same')} />
      ) : (
        <DataTable
          caption={t('allocation.staff.compare.caption', {
            a: `${diff.a.cycle} v${diff.a.version}`,
            b: `${diff.b.cycle} v${diff.b.version}`,
            n: diff.changes.length,
          })}
          scrollLabel={t('allocation.staff.compare.scroll')}
        >
          <thead>
            <tr>
              <Th>{t('allocation.staff.grid.product')}</Th>
              <Th>{t('allocation.staff.compare.grades')}</Th>
              <Th className="text-right">{t('allocation.staff.compare.before')}</Th>
              <Th className="text-right">{t('allocation.staff.compare.after')}</Th>
            </tr>
          </thead>
          <tbody>
            {diff.changes.map((c) => (
              <tr key={`${c.productId}-${c.gradeFrom}`}>
                <Th scope="row" className="bg-surface font-normal">
                  {c.product.brand} {c.product.name} <span className="text-sm text-ink-muted">{c.product.code}</span>
                </Th>
                <Td>{t('allocation.staff.grid.band', { from: c.gradeFrom, to: c.gradeTo })}</Td>
                <Td className="text-right">{limit(c.before)}</Td>
                <Td
                  className={`text-right font-semibold ${c.after !== null && c.before !== null && c.after < c.before ? 'text-danger-700' : 'text-success-700'}`}
                >
                  {limit(c.after)}
                </Td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </div>
  );
}
