import { areaMetadata, ComingSoonArea } from '@/components/area-page';

export const generateMetadata = () => areaMetadata('allocation');

export default function Page() {
  return <ComingSoonArea area="allocation" />;
}
