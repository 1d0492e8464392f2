import { z } from 'zod';

// Values arrive as the form typed them; each is checked against its own schema in the registry.
export const ZUpdateSettingsInput = z.object({
  values: z
    .record(z.string().max(100), z.unknown())
    .refine((values) => Object.keys(values).length > 0 && Object.keys(values).length <= 100),
});
export type TUpdateSettingsInput = z.infer<typeof ZUpdateSettingsInput>;
