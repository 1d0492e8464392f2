import { ComingSoonPage, comingSoonMetadata } from '@/components/coming-soon-page';

export const generateMetadata = () => comingSoonMetadata('portal.nav.profile');

export default function Page() {
  return <ComingSoonPage title="portal.nav.profile" />;
}
