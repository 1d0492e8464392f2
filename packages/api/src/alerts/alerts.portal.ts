import { retailerProcedure, router } from '../trpc/init';
import { ZAlertIdInput, ZAlertQuestionOutput, ZAlertQuestionsOutput, ZAnswerAlertInput, ZAnswerAlertOutput } from './alerts.schema';
import { answerAlert, getMyAlertQuestion, listMyAlertQuestions } from './alerts.service';

// The retailer's side of an alert: the questions put to their shop, and their answer.
export const alertsPortalRouter = router({
  questions: retailerProcedure.output(ZAlertQuestionsOutput).query(({ ctx }) => listMyAlertQuestions(ctx)),
  question: retailerProcedure
    .input(ZAlertIdInput)
    .output(ZAlertQuestionOutput)
    .query(({ ctx, input }) => getMyAlertQuestion(ctx, input)),
  answer: retailerProcedure
    .input(ZAnswerAlertInput)
    .output(ZAnswerAlertOutput)
    .mutation(({ ctx, input }) => answerAlert(ctx, input)),
});
