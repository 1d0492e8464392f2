import type { DbTx } from '@tobacco/db/client';
import { SETTINGS, type SettingKey, type SettingValue } from './settings.registry';

/**
 * Reads settings: the stored value when it is valid, the registry's default otherwise. A stored value
 * that no longer fits its schema (after an upgrade) falls back to the default rather than breaking pages.
 */
export async function getSettings<K extends SettingKey>(db: DbTx, keys: readonly K[]): Promise<{ [P in K]: SettingValue<P> }> {
  const rows = await db.setting.findMany({ where: { key: { in: [...keys] } } });
  const stored = new Map(rows.map((row) => [row.key, row.value]));
  const out = {} as { [P in K]: SettingValue<P> };
  for (const key of keys) {
    const definition = SETTINGS[key];
    const parsed = stored.has(key) ? definition.schema.safeParse(stored.get(key)) : undefined;
    out[key] = (parsed?.success ? parsed.data : definition.default) as SettingValue<K>;
  }
  return out;
}

export async function getSetting<K extends SettingKey>(db: DbTx, key: K): Promise<SettingValue<K>> {
  return (await getSettings(db, [key]))[key];
}
