import { redirect } from 'next/navigation';
import { REWARD_RULE_KINDS, type RewardRuleKind } from '@tobacco/api/rewards/rewards.run.rules';
import { formatDateTime } from '@tobacco/i18n/format';
import type { MessageKey } from '@tobacco/i18n/messages';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { PageTitle } from '@tobacco/ui/shell';
import { DataTable, Td, Th } from '@tobacco/ui/table';
import { areaMetadata, deniedArea } from '@/components/area-page';
import { getMe, getServerApi } from '@/trpc/server';
import { Badge } from '../admin/_components/feedback';
import { paramsText } from './_components/params-text';
import { RewardsNav } from './_components/rewards-nav';
import { RuleForm } from './_components/rule-form';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => areaMetadata('rewards');

/** The quarter after the current one, where a rule change usually starts. */
function nextQuarter(current: string): string {
  const [year, q] = [Number(current.slice(0, 4)), Number(current.slice(-1))];
  return q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
}

export default async function RewardRulesPage() {
  const denied = await deniedArea('rewards');
  if (denied) return denied;
  const [{ t, locale }, me] = await Promise.all([getI18n(), getMe()]);
  if (!me.permissions.includes('rewards.read')) redirect('/rewards/redemptions');
  const { api } = await getServerApi();
  const data = await api.rewards.rules();
  const current: Partial<Record<RewardRuleKind, (typeof data.rules)[number]>> = {};
  for (const rule of data.rules) if (rule.inForce) current[rule.kind] = rule;
  return (
    <div className="flex flex-col gap-5">
      <PageTitle description={t('rewards.staff.rules.description', { period: data.currentPeriod })}>{t('rewards.staff.title')}</PageTitle>
      <RewardsNav current="/rewards" />
      <DataTable caption={t('rewards.staff.rules.caption')} scrollLabel={t('rewards.staff.rules.scroll')}>
        <thead>
          <tr>
            <Th>{t('rewards.staff.rules.kind')}</Th>
            <Th>{t('rewards.staff.rules.name')}</Th>
            <Th>{t('rewards.staff.rules.condition')}</Th>
            <Th className="text-right">{t('rewards.staff.rules.points')}</Th>
            <Th>{t('rewards.staff.rules.effectiveFrom')}</Th>
            <Th>{t('rewards.staff.rules.status')}</Th>
          </tr>
        </thead>
        <tbody>
          {REWARD_RULE_KINDS.flatMap((kind) =>
            data.rules
              .filter((r) => r.kind === kind)
              .sort((a, b) => b.id - a.id)
              .map((rule, i) => (
                <tr key={rule.id} className={rule.inForce ? 'bg-brand-50' : undefined}>
                  {i === 0 ? (
                    <Th scope="row" className="bg-surface" rowSpan={data.rules.filter((r) => r.kind === kind).length}>
                      {t(`rewards.staff.kind.${kind}` as MessageKey)}
                    </Th>
                  ) : null}
                  <Td>{locale === 'en' ? rule.nameEn : rule.name}</Td>
                  <Td>
                    {paramsText(t, locale, rule.kind, rule.params)}
                    {rule.unmeasured ? <p className="text-sm text-warning-800">{t('rewards.staff.rules.unmeasured')}</p> : null}
                  </Td>
                  <Td className="text-right">{rule.points}</Td>
                  <Td>{rule.effectiveFrom}</Td>
                  <Td>
                    {rule.inForce ? (
                      <Badge tone="ok">{t('rewards.staff.rules.inForce')}</Badge>
                    ) : !rule.active ? (
                      <Badge tone="muted">{t('rewards.staff.rules.off')}</Badge>
                    ) : (
                      <Badge tone="muted">{t('rewards.staff.rules.other')}</Badge>
                    )}
                    <span className="ml-2 text-sm text-ink-muted">{t('rewards.staff.rules.grants', { n: rule.grants })}</span>
                    <span className="sr-only">{formatDateTime(rule.createdAt, locale)}</span>
                  </Td>
                </tr>
              )),
          )}
        </tbody>
      </DataTable>
      {me.permissions.includes('rewards.manage') ? <RuleForm current={current} nextPeriod={nextQuarter(data.currentPeriod)} /> : null}
    </div>
  );
}
