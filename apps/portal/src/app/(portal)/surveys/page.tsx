import { ComingSoonPage, comingSoonMetadata } from '@/components/coming-soon-page';

export const generateMetadata = () => comingSoonMetadata('portal.nav.surveys');

export default function Page() {
  return <ComingSoonPage title="portal.nav.surveys" />;
}
