import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lazyZodResolver } from './lazy-resolver';

const ZName = z.object({ name: z.string().trim().min(2, 'test.tooShort') });
const options = { fields: {}, shouldUseNativeValidation: false };

describe('lazyZodResolver', () => {
  it('checks with the schema once loaded, and loads it once', async () => {
    let loads = 0;
    const { resolver, preload } = lazyZodResolver(async () => {
      loads += 1;
      return ZName;
    });
    preload();
    const refused = await resolver({ name: ' a ' }, undefined, options);
    expect(refused.errors.name?.message).toBe('test.tooShort');
    expect(await resolver({ name: ' Li ' }, undefined, options)).toEqual({ values: { name: 'Li' }, errors: {} });
    expect(loads).toBe(1);
  });

  it('lets values through unchecked while the checks cannot load, and loads them on a later check', async () => {
    let offline = true;
    const { resolver, preload } = lazyZodResolver(async () => {
      if (offline) throw new Error('offline');
      return ZName;
    });
    preload();
    expect(await resolver({ name: 'a' }, undefined, options)).toEqual({ values: { name: 'a' }, errors: {} });
    offline = false;
    expect((await resolver({ name: 'a' }, undefined, options)).errors.name?.message).toBe('test.tooShort');
  });
});
