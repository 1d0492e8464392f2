import { retailersPortalRouter } from './retailers/retailers.portal';
import { createCallerFactory, router } from './trpc/init';

// The retailer portal's API. The portal app mounts only this router, so it cannot even name a staff procedure.
export const portalRouter = router({
  retailers: retailersPortalRouter,
});

export type PortalRouter = typeof portalRouter;
export const createPortalCaller = createCallerFactory(portalRouter);
