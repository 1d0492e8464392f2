import { getServerApi } from '@/trpc/server';
import { AdminPage, adminMetadata } from '../_components/admin-page';
import type { SearchParams } from '../_components/search-params';
import { CalendarEditor } from './calendar-editor';

export const dynamic = 'force-dynamic';
export const generateMetadata = () => adminMetadata('admin.calendar.title');

export default async function CalendarPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const requested = Number(Array.isArray(params.year) ? params.year[0] : params.year);
  return (
    <AdminPage permission="admin.calendar" title="admin.calendar.title" description="admin.calendar.description">
      <Calendar year={Number.isInteger(requested) && requested >= 2000 && requested <= 2100 ? requested : undefined} />
    </AdminPage>
  );
}

async function Calendar({ year }: { year?: number }) {
  const { api } = await getServerApi();
  const data = await api.admin.calendar.year({ year });
  return <CalendarEditor key={data.year} data={data} />;
}
