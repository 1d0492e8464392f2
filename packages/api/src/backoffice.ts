import { adminBackofficeRouter } from './admin/admin.backoffice';
import { retailersBackofficeRouter } from './retailers/retailers.backoffice';
import { createCallerFactory, router } from './trpc/init';

// The back office's API, mounted only by the back-office app.
export const backofficeRouter = router({
  admin: adminBackofficeRouter,
  retailers: retailersBackofficeRouter,
});

export type BackofficeRouter = typeof backofficeRouter;
export const createBackofficeCaller = createCallerFactory(backofficeRouter);
