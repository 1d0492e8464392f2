import { areaMetadata, ComingSoonArea } from '@/components/area-page';

export const generateMetadata = () => areaMetadata('complaints');

export default function Page() {
  return <ComingSoonArea area="complaints" />;
}
