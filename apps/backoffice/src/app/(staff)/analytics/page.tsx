import { areaMetadata, ComingSoonArea } from '@/components/area-page';

export const generateMetadata = () => areaMetadata('analytics');

export default function Page() {
  return <ComingSoonArea area="analytics" />;
}
