/** Badge tone of each run state. */
export const RUN_TONE = {
  COMPUTING: 'warn',
  DRAFT: 'warn',
  PUBLISHED: 'ok',
  SUPERSEDED: 'muted',
  DISCARDED: 'muted',
  FAILED: 'bad',
} as const;
