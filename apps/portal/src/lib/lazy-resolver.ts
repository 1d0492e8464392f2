import type { FieldValues, Resolver } from 'react-hook-form';
import type { $ZodType, input, output } from 'zod/v4/core';

type FormSchema = $ZodType<FieldValues, FieldValues>;

/**
 * A react-hook-form resolver whose schema, zod and the zod adapter load when the form is first checked, or
 * earlier when `preload` runs (forms call it on their first focus). zod is the largest script of a page with
 * a form, and none of it is needed to show the page: an older retailer's phone shows and answers sooner.
 *
 * If the scripts cannot be loaded (the network dropped), the values go through unchecked: the server checks
 * the same schema and answers the same translated messages, and a later check tries loading again.
 */
export function lazyZodResolver<S extends FormSchema>(loadSchema: () => Promise<S>) {
  let loading: Promise<Resolver<input<S>, unknown, output<S>>> | undefined;
  const load = () =>
    (loading ??= Promise.all([import('./zod-resolver'), loadSchema()]).then(
      ([{ zodResolver }, schema]) => zodResolver(schema) as Resolver<input<S>, unknown, output<S>>,
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  const resolver: Resolver<input<S>, unknown, output<S>> = async (values, context, options) => {
    let check: Resolver<input<S>, unknown, output<S>>;
    try {
      check = await load();
    } catch {
      return { values: values as output<S>, errors: {} };
    }
    return check(values, context, options);
  };
  return { resolver, preload: () => void load().catch(() => undefined) };
}
