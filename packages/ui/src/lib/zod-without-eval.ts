import { config } from 'zod/v4/core';

// zod compiles its object parsers with `new Function` when it may, and probes for that on the first parse.
// The apps' Content-Security-Policy forbids eval, so in the browser zod parses without compiling: no probe,
// no violation report, and no need for 'unsafe-eval'. The server keeps the faster compiled parsers.
// Only zod's configuration is imported (the same global object `z.config` writes): this module loads with
// the root layout on every page, and `import { z } from 'zod'` put all of zod into pages that have no form.
if (typeof window !== 'undefined') config({ jitless: true });
