import type { DbTx, Prisma } from '@tobacco/db/client';
import type { StaffDeps } from '../deps';
import { DomainError } from '../errors';
import { writeAudit } from './audit';
import {
  crossSettingErrors,
  SETTING_GROUPS,
  SETTING_KEYS,
  SETTINGS,
  type SettingKey,
  type SettingValue,
  type SettingValues,
} from './settings.registry';
import type { TUpdateSettingsInput } from './settings.schema';

/**
 * Reads settings: the stored value when it is valid, the registry's default otherwise. A stored value
 * that no longer fits its schema (after an upgrade) falls back to the default rather than breaking pages.
 */
export async function getSettings<K extends SettingKey>(db: DbTx, keys: readonly K[]): Promise<{ [P in K]: SettingValue<P> }> {
  const rows = await db.setting.findMany({ where: { key: { in: [...keys] } } });
  return settingsFromStored(Object.fromEntries(rows.map((row) => [row.key, row.value])), keys);
}

/**
 * The settings from stored values (key → JSON), for a caller that read the rows in a query of its own:
 * a valid stored value, the default otherwise.
 */
export function settingsFromStored<K extends SettingKey>(
  stored: Record<string, unknown>,
  keys: readonly K[],
): { [P in K]: SettingValue<P> } {
  const out = {} as { [P in K]: SettingValue<P> };
  for (const key of keys) {
    const definition = SETTINGS[key];
    const parsed = key in stored ? definition.schema.safeParse(stored[key]) : undefined;
    out[key] = (parsed?.success ? parsed.data : definition.default) as SettingValue<K>;
  }
  return out;
}

export async function getSetting<K extends SettingKey>(db: DbTx, key: K): Promise<SettingValue<K>> {
  return (await getSettings(db, [key]))[key];
}

// ---------------------------------------------------------------- the settings screens

/** Every setting with its current value, default and last change, grouped as the screens show them. */
export async function listSettings({ db }: StaffDeps) {
  const rows = await db.setting.findMany({ select: { key: true, value: true, updatedAt: true, updatedBy: { select: { name: true } } } });
  const stored = new Map(rows.map((row) => [row.key, row]));
  const current = await getSettings(db, SETTING_KEYS);
  return SETTING_GROUPS.map((group) => ({
    group,
    items: SETTING_KEYS.filter((key) => SETTINGS[key].group === group).map((key) => {
      const row = stored.get(key);
      return {
        key,
        value: current[key] as unknown,
        default: SETTINGS[key].default as unknown,
        isDefault: !row,
        updatedAt: row?.updatedAt ?? null,
        updatedBy: row?.updatedBy?.name ?? null,
      };
    }),
  })).filter((group) => group.items.length > 0);
}

/**
 * Saves changed settings: each value checked by its schema, then the set as a whole (business hours that
 * end before they start), then one transaction writing the values and an audit row per changed key with
 * the value before and after. Nothing is saved when anything is wrong.
 */
export async function updateSettings({ db, actor }: StaffDeps, input: TUpdateSettingsInput) {
  const entries = Object.entries(input.values);
  const unknownKeys = entries.filter(([key]) => !(key in SETTINGS)).map(([key]) => key);
  if (unknownKeys.length > 0) throw new DomainError('VALIDATION', 'admin.settings.error.unknown', { keys: unknownKeys.join(', ') });

  const parsed = new Map<SettingKey, unknown>();
  const invalid: string[] = [];
  for (const [key, value] of entries as [SettingKey, unknown][]) {
    const result = SETTINGS[key].schema.safeParse(value);
    if (result.success) parsed.set(key, result.data);
    else invalid.push(key);
  }
  if (invalid.length > 0) throw new DomainError('VALIDATION', 'admin.settings.error.invalid', { keys: invalid.join(', ') });

  return db.$transaction(async (tx) => {
    const before = await getSettings(tx, SETTING_KEYS);
    const after = { ...before, ...Object.fromEntries(parsed) } as SettingValues;
    const broken = crossSettingErrors(after);
    if (broken[0]) throw new DomainError('VALIDATION', broken[0].messageKey);

    const changed = [...parsed.entries()].filter(([key, value]) => JSON.stringify(before[key]) !== JSON.stringify(value));
    for (const [key, value] of changed) {
      const json = value as Prisma.InputJsonValue;
      await tx.setting.upsert({
        where: { key },
        create: { key, value: json, updatedById: actor.userId },
        update: { value: json, updatedById: actor.userId },
      });
      await writeAudit(tx, {
        actorStaffId: actor.userId,
        action: 'settings.update',
        entityType: 'Setting',
        entityId: key,
        before: before[key],
        after: value,
      });
    }
    return { changed: changed.map(([key]) => key) };
  });
}
