import { areaMetadata, ComingSoonArea } from '@/components/area-page';

export const generateMetadata = () => areaMetadata('admin');

export default function Page() {
  return <ComingSoonArea area="admin" />;
}
