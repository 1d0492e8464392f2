// Loaded with a form's first check (see lazy-resolver.ts), never with the page: zod, the schema and the
// resolver arrive together, and zod is told not to compile with eval before it parses anything.
import '@tobacco/ui/lib/zod-without-eval';

export { zodResolver } from '@hookform/resolvers/zod';
