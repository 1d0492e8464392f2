import { can, n, type HomeContribution, type HomeFigure } from '../admin/staff-home.types';
import { queryIndexGroups, visibilityOf } from './surveys.analytics';

// Surveys on the staff home, and the headline satisfaction index of the latest survey with answers. The index
// comes from the same aggregation as the analytics screens (surveys.analytics.ts), under the same anonymity
// rule, so the home and the survey's own page never show two different numbers.

export const surveysHome: HomeContribution = {
  area: 'surveys',
  title: 'admin.home.area.surveys',
  async figures({ db, actor }) {
    if (!can(actor, 'home.surveys.read')) return [];
    const drafting = can(actor, 'surveys.draft');
    const approving = can(actor, 'surveys.approve');
    const overview = can(actor, 'home.companyOverview.read');
    const [[row], [latest]] = await Promise.all([
      db.$queryRaw<{ drafts: bigint; pending: bigint; open: bigint }[]>`
        SELECT count(*) FILTER (WHERE state = 'DRAFT') AS drafts,
               count(*) FILTER (WHERE state = 'PENDING_APPROVAL') AS pending,
               count(*) FILTER (WHERE state = 'OPEN') AS open
        FROM "Survey" WHERE state IN ('DRAFT', 'PENDING_APPROVAL', 'OPEN')`,
      overview
        ? db.$queryRaw<{ id: number }[]>`
            SELECT s.id FROM "Survey" s
            WHERE s.state IN ('OPEN', 'CLOSED') AND EXISTS (SELECT 1 FROM "SurveyRespondentCell" c WHERE c."surveyId" = s.id AND c.respondents > 0)
            ORDER BY s."opensAt" DESC NULLS LAST, s.id DESC LIMIT 1`
        : Promise.resolve([]),
    ]);
    const figures: HomeFigure[] = [];
    if (drafting)
      figures.push({
        id: 'surveys.drafts',
        label: 'admin.home.figure.surveyDrafts',
        value: n(row?.drafts),
        format: 'count',
        href: '/surveys?state=DRAFT',
      });
    if (drafting)
      figures.push({
        id: 'surveys.pending',
        label: 'admin.home.figure.surveysPending',
        value: n(row?.pending),
        format: 'count',
        href: '/surveys?state=PENDING_APPROVAL',
        attention: approving,
      });
    figures.push({
      id: 'surveys.open',
      label: 'admin.home.figure.surveysOpen',
      value: n(row?.open),
      format: 'count',
      href: '/surveys?state=OPEN',
    });
    if (overview) {
      let value: number | null = null;
      if (latest) {
        const [[overall], visibility] = await Promise.all([queryIndexGroups(db, [latest.id], 'overall', {}), visibilityOf(db, actor)]);
        if (overall && (visibility.named || overall.respondents >= visibility.threshold)) value = overall.index;
      }
      figures.push({
        id: 'surveys.index',
        label: 'admin.home.figure.satisfactionIndex',
        value,
        format: 'index',
        href: latest ? `/surveys/${latest.id}` : '/surveys',
      });
    }
    return figures;
  },
};
