import { areaMetadata, ComingSoonArea } from '@/components/area-page';

export const generateMetadata = () => areaMetadata('rewards');

export default function Page() {
  return <ComingSoonArea area="rewards" />;
}
