import { retailerProcedure, router } from '../trpc/init';
import { ZArticleIdInput, ZFeedbackInput, ZSearchInput, ZSuggestInput } from './knowledge.schema';
import { getHelpArticle, listHelpArticles, recordDeflection, searchHelp, suggestForDraft, voteNotHelpful } from './knowledge.service';

// The help pages and the suggestions under the filing form: published articles meant for retailers only.
export const knowledgePortalRouter = router({
  list: retailerProcedure.query(({ ctx }) => listHelpArticles(ctx)),
  search: retailerProcedure.input(ZSearchInput).query(({ ctx, input }) => searchHelp(ctx, input)),
  suggest: retailerProcedure.input(ZSuggestInput).query(({ ctx, input }) => suggestForDraft(ctx, input)),
  get: retailerProcedure.input(ZArticleIdInput).query(({ ctx, input }) => getHelpArticle(ctx, input)),
  solved: retailerProcedure.input(ZFeedbackInput).mutation(({ ctx, input }) => recordDeflection(ctx, input)),
  notHelpful: retailerProcedure.input(ZFeedbackInput).mutation(({ ctx, input }) => voteNotHelpful(ctx, input)),
});
