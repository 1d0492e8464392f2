import { areaMetadata, ComingSoonArea } from '@/components/area-page';

export const generateMetadata = () => areaMetadata('surveys');

export default function Page() {
  return <ComingSoonArea area="surveys" />;
}
