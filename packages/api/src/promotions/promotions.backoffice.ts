import { requirePermission, router } from '../trpc/init';
import {
  ZCreatePromotionInput,
  ZDecidePromotionInput,
  ZListPromotionsInput,
  ZProductSearchInput,
  ZPromotionIdInput,
  ZReachInput,
  ZRejectPromotionInput,
  ZUpdatePromotionInput,
  ZWithdrawPromotionInput,
} from './promotions.staff.schema';
import {
  approvePromotion,
  createPromotion,
  getPromotion,
  getPromotionList,
  listPromotions,
  previewReach,
  promotionEditorOptions,
  promotionStats,
  rejectPromotion,
  searchProducts,
  submitPromotion,
  updatePromotion,
  withdrawPromotion,
} from './promotions.staff.service';

// Promotions in the back office: MARKETING drafts, a MANAGER (never the author) decides, EXECUTIVE reads.
const read = requirePermission('promotions.read');
const draft = requirePermission('promotions.draft');
const approve = requirePermission('promotions.approve');

export const promotionsBackofficeRouter = router({
  list: read.input(ZListPromotionsInput).query(({ ctx, input }) => listPromotions(ctx, input)),
  get: read.input(ZPromotionIdInput).query(({ ctx, input }) => getPromotion(ctx, input)),
  stats: read.input(ZPromotionIdInput).query(({ ctx, input }) => promotionStats(ctx, input)),
  namedList: read.input(ZPromotionIdInput).query(({ ctx, input }) => getPromotionList(ctx, input)),
  reach: read.input(ZReachInput).query(({ ctx, input }) => previewReach(ctx, input)),
  products: read.input(ZProductSearchInput).query(({ ctx, input }) => searchProducts(ctx, input)),
  editorOptions: read.query(({ ctx }) => promotionEditorOptions(ctx)),
  create: draft.input(ZCreatePromotionInput).mutation(({ ctx, input }) => createPromotion(ctx, input)),
  update: draft.input(ZUpdatePromotionInput).mutation(({ ctx, input }) => updatePromotion(ctx, input)),
  submit: draft.input(ZPromotionIdInput).mutation(({ ctx, input }) => submitPromotion(ctx, input)),
  approve: approve.input(ZDecidePromotionInput).mutation(({ ctx, input }) => approvePromotion(ctx, input)),
  reject: approve.input(ZRejectPromotionInput).mutation(({ ctx, input }) => rejectPromotion(ctx, input)),
  withdraw: requirePermission('promotions.withdraw')
    .input(ZWithdrawPromotionInput)
    .mutation(({ ctx, input }) => withdrawPromotion(ctx, input)),
});
