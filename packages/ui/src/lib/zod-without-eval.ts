import { z } from 'zod';

// zod compiles its object parsers with `new Function` when it may, and probes for that on the first parse.
// The apps' Content-Security-Policy forbids eval, so in the browser zod parses without compiling: no probe,
// no violation report, and no need for 'unsafe-eval'. The server keeps the faster compiled parsers.
if (typeof window !== 'undefined') z.config({ jitless: true });
