import { requirePermission, router } from '../trpc/init';
import {
  ZArticleIdInput,
  ZArticleRef,
  ZCreateArticleInput,
  ZInsightsInput,
  ZListArticlesInput,
  ZSearchInput,
  ZUpdateArticleInput,
} from './knowledge.schema';
import {
  createArticle,
  getArticle,
  getEditorOptions,
  getInsights,
  listArticles,
  publishArticle,
  retireArticle,
  searchForReply,
  updateArticle,
} from './knowledge.service';

const read = requirePermission('knowledge.read');
const write = requirePermission('knowledge.write');
const publish = requirePermission('knowledge.publish');

export const knowledgeBackofficeRouter = router({
  list: read.input(ZListArticlesInput).query(({ ctx, input }) => listArticles(ctx, input)),
  get: read.input(ZArticleIdInput).query(({ ctx, input }) => getArticle(ctx, input)),
  // The canned-reply picker in a case's reply box
  searchReplies: requirePermission('complaints.handle')
    .input(ZSearchInput)
    .query(({ ctx, input }) => searchForReply(ctx, input)),
  // The departments an article may belong to: the editor's choices and the list's filter.
  editorOptions: read.query(({ ctx }) => getEditorOptions(ctx)),
  create: write.input(ZCreateArticleInput).mutation(({ ctx, input }) => createArticle(ctx, input)),
  update: write.input(ZUpdateArticleInput).mutation(({ ctx, input }) => updateArticle(ctx, input)),
  publish: publish.input(ZArticleRef).mutation(({ ctx, input }) => publishArticle(ctx, input)),
  retire: publish.input(ZArticleRef).mutation(({ ctx, input }) => retireArticle(ctx, input)),
  insights: write.input(ZInsightsInput).query(({ ctx, input }) => getInsights(ctx, input)),
});
