import { NotFoundContent } from '@tobacco/ui/not-found-content';

// Inside the signed-in layout, which already has the page's <main>.
export default function NotFound() {
  return <NotFoundContent />;
}
