import { retailerProcedure, router } from '../trpc/init';
import {
  ZArticleIdInput,
  ZFeedbackInput,
  ZFeedbackOutput,
  ZHelpArticleOutput,
  ZHelpListOutput,
  ZSearchHitsOutput,
  ZSearchInput,
  ZSuggestInput,
} from './knowledge.schema';
import { getHelpArticle, listHelpArticles, recordDeflection, searchHelp, suggestForDraft, voteNotHelpful } from './knowledge.service';

// The help pages and the suggestions under the filing form: published articles meant for retailers only.
export const knowledgePortalRouter = router({
  list: retailerProcedure.output(ZHelpListOutput).query(({ ctx }) => listHelpArticles(ctx)),
  search: retailerProcedure
    .input(ZSearchInput)
    .output(ZSearchHitsOutput)
    .query(({ ctx, input }) => searchHelp(ctx, input)),
  suggest: retailerProcedure
    .input(ZSuggestInput)
    .output(ZSearchHitsOutput)
    .query(({ ctx, input }) => suggestForDraft(ctx, input)),
  get: retailerProcedure
    .input(ZArticleIdInput)
    .output(ZHelpArticleOutput)
    .query(({ ctx, input }) => getHelpArticle(ctx, input)),
  solved: retailerProcedure
    .input(ZFeedbackInput)
    .output(ZFeedbackOutput)
    .mutation(({ ctx, input }) => recordDeflection(ctx, input)),
  notHelpful: retailerProcedure
    .input(ZFeedbackInput)
    .output(ZFeedbackOutput)
    .mutation(({ ctx, input }) => voteNotHelpful(ctx, input)),
});
