import { retailerProcedure, router, temporaryPasswordProcedure } from '../trpc/init';
import { ZEndSessionOutput, ZMySessionsOutput, ZSessionIdInput, ZSignedOutOutput } from './sessions.schema';
import { endMySession, listMySessions, signOut, signOutEverywhere } from './sessions.service';

// The same four procedures in each app, over the signed-in person's own sessions. Staff holding a
// temporary password may use them too (signing out must always work).
function sessionsRouter(procedure: typeof retailerProcedure | typeof temporaryPasswordProcedure) {
  return router({
    list: procedure.output(ZMySessionsOutput).query(({ ctx }) => listMySessions(ctx)),
    end: procedure
      .input(ZSessionIdInput)
      .output(ZEndSessionOutput)
      .mutation(({ ctx, input }) => endMySession(ctx, input)),
    signOut: procedure.output(ZSignedOutOutput).mutation(({ ctx }) => signOut(ctx)),
    signOutEverywhere: procedure.output(ZSignedOutOutput).mutation(({ ctx }) => signOutEverywhere(ctx)),
  });
}

export const sessionsPortalRouter = sessionsRouter(retailerProcedure);
export const sessionsBackofficeRouter = sessionsRouter(temporaryPasswordProcedure);
