import { z } from 'zod';

export const ZSessionIdInput = z.object({ id: z.uuid() });
