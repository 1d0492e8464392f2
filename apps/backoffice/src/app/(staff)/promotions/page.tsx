import { areaMetadata, ComingSoonArea } from '@/components/area-page';

export const generateMetadata = () => areaMetadata('promotions');

export default function Page() {
  return <ComingSoonArea area="promotions" />;
}
