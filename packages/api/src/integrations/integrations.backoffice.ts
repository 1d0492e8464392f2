import { requirePermission, router } from '../trpc/init';
import { ZCreateIntegrationInput, ZIntegrationIdInput, ZListCallsInput } from './integrations.schema';
import { createIntegration, listIntegrationCalls, listIntegrations, revokeIntegration, rotateIntegrationKey } from './integrations.service';

const admin = requirePermission('admin.integrations');

export const integrationsBackofficeRouter = router({
  list: admin.query(({ ctx }) => listIntegrations(ctx)),
  calls: admin.input(ZListCallsInput).query(({ ctx, input }) => listIntegrationCalls(ctx, input)),
  create: admin.input(ZCreateIntegrationInput).mutation(({ ctx, input }) => createIntegration(ctx, input)),
  rotate: admin.input(ZIntegrationIdInput).mutation(({ ctx, input }) => rotateIntegrationKey(ctx, input)),
  revoke: admin.input(ZIntegrationIdInput).mutation(({ ctx, input }) => revokeIntegration(ctx, input)),
});
