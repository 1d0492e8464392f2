import Link from 'next/link';
import { IMPORT_KINDS } from '@tobacco/api/imports/imports.kinds';
import { ClientMessages } from '@tobacco/ui/client-messages';
import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { IMPORT_CLIENT_MESSAGES, type ImportColumn, type ImportKindName } from './labels';
import { ImportUpload } from './upload-form';

/** The columns each kind expects, by the names people see, for the upload form. */
export function importColumns(kinds: readonly ImportKindName[]): Partial<Record<ImportKindName, ImportColumn[]>> {
  return Object.fromEntries(
    kinds.map((kind) => [kind, IMPORT_KINDS[kind].columns.map((c) => ({ name: c.names[0] ?? c.field, required: c.required }))]),
  );
}

/**
 * The upload of one kind of import on another area's page (the retailer administration, a draft policy):
 * it brings the import messages with it, and a link to that kind's import history.
 */
export async function ImportUploadPanel({
  kind,
  options,
  note,
}: {
  kind: ImportKindName;
  options?: Record<string, number | string>;
  note?: string;
}) {
  const { t } = await getI18n();
  return (
    <div className="flex flex-col gap-2">
      <ClientMessages prefixes={IMPORT_CLIENT_MESSAGES}>
        <ImportUpload kinds={[kind]} columns={importColumns([kind])} fixed options={options} note={note} />
      </ClientMessages>
      <p>
        <Link href={`/imports?kind=${kind}`} className="inline-flex min-h-11 items-center font-semibold">
          {t('imports.seeAll')}
        </Link>
      </p>
    </div>
  );
}
