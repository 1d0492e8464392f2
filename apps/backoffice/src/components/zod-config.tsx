'use client';

// Back-office pages parse with zod in the browser (forms, filters, the survey builder), so zod's browser
// configuration loads with the root layout, before any of them runs. Renders nothing.
import '@tobacco/ui/lib/zod-without-eval';

export function ZodConfig() {
  return null;
}
