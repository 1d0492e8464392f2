import type { Db } from '@tobacco/db/client';
import type { ImportKind } from '@tobacco/db/enums';
import type { StaffActor } from '../actor';
import { applyImport, applyImportJob, checkImport, getImport, uploadImport } from '../imports/imports.service';

// An import as the screens and the worker run it, in-process: upload, the check job, and (when asked) the
// apply request and the apply job, each through the service functions the procedures and jobs call.

async function* bytesOf(content: string | Uint8Array, piece = 64 * 1024): AsyncGenerator<Uint8Array> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  for (let at = 0; at < bytes.length; at += piece) yield bytes.subarray(at, at + piece);
}

export async function uploadAndCheck(
  db: Db,
  actor: StaffActor,
  input: { kind: ImportKind; content: string | Uint8Array; fileName?: string; options?: Record<string, unknown>; now?: Date },
) {
  const now = input.now ?? new Date();
  const deps = { db, actor, clock: () => now };
  const { id } = await uploadImport(deps, {
    kind: input.kind,
    fileName: input.fileName ?? 'file.csv',
    options: input.options ?? {},
    body: bytesOf(input.content),
  });
  await checkImport(db, { runId: id }, now);
  return getImport(deps, { id });
}

export async function applyChecked(db: Db, actor: StaffActor, id: number, options: { validOnly?: boolean; now?: Date } = {}) {
  const now = options.now ?? new Date();
  const deps = { db, actor, clock: () => now };
  await applyImport(deps, { id, validOnly: options.validOnly ?? false });
  await applyImportJob(db, { runId: id }, now);
  return getImport(deps, { id });
}
