import { getI18n } from '@tobacco/ui/lib/i18n-server';
import { NotFoundContent } from '@tobacco/ui/not-found-content';
import { Main, SkipLink } from '@tobacco/ui/shell';

// An address outside every layout: this page brings its own <main>.
export default async function NotFound() {
  const { t } = await getI18n();
  return (
    <>
      <SkipLink label={t('common.skipToContent')} />
      <Main className="mx-auto flex w-full max-w-3xl flex-col items-start gap-4 px-4 py-10">
        <NotFoundContent />
      </Main>
    </>
  );
}
