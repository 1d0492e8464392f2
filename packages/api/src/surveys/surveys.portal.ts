import { retailerProcedure, router } from '../trpc/init';
import { ZPortalSurveyInput, ZSaveDraftInput, ZSubmitResponseInput } from './surveys.schema';
import { getMySurvey, listMySurveys, saveDraft, submitMyResponse } from './surveys.service';

export const surveysPortalRouter = router({
  list: retailerProcedure.query(({ ctx }) => listMySurveys(ctx)),
  get: retailerProcedure.input(ZPortalSurveyInput).query(({ ctx, input }) => getMySurvey(ctx, input)),
  saveDraft: retailerProcedure.input(ZSaveDraftInput).mutation(({ ctx, input }) => saveDraft(ctx, input)),
  submit: retailerProcedure.input(ZSubmitResponseInput).mutation(({ ctx, input }) => submitMyResponse(ctx, input)),
});
