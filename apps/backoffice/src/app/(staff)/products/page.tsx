import { redirect } from 'next/navigation';

// The area opens on its first screen, the 80/20 analysis.
export default function ProductsPage(): never {
  redirect('/products/pareto');
}
