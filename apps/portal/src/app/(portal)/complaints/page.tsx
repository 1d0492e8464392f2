import { ComingSoonPage, comingSoonMetadata } from '@/components/coming-soon-page';

export const generateMetadata = () => comingSoonMetadata('portal.nav.complaints');

export default function Page() {
  return <ComingSoonPage title="portal.nav.complaints" />;
}
