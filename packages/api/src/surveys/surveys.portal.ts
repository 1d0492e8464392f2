import { retailerProcedure, router } from '../trpc/init';
import {
  ZDraftSavedOutput,
  ZMySurveyOutput,
  ZMySurveysOutput,
  ZPortalSurveyInput,
  ZSaveDraftInput,
  ZSubmitResponseInput,
  ZSubmittedOutput,
} from './surveys.schema';
import { getMySurvey, listMySurveys, saveDraft, submitMyResponse } from './surveys.service';

export const surveysPortalRouter = router({
  list: retailerProcedure.output(ZMySurveysOutput).query(({ ctx }) => listMySurveys(ctx)),
  get: retailerProcedure
    .input(ZPortalSurveyInput)
    .output(ZMySurveyOutput)
    .query(({ ctx, input }) => getMySurvey(ctx, input)),
  saveDraft: retailerProcedure
    .input(ZSaveDraftInput)
    .output(ZDraftSavedOutput)
    .mutation(({ ctx, input }) => saveDraft(ctx, input)),
  submit: retailerProcedure
    .input(ZSubmitResponseInput)
    .output(ZSubmittedOutput)
    .mutation(({ ctx, input }) => submitMyResponse(ctx, input)),
});
