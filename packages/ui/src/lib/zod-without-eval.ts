import { config } from 'zod/v4/core';

// zod compiles its object parsers with `new Function` when it may, and probes for that on the first parse.
// The apps' Content-Security-Policy forbids eval, so in the browser zod parses without compiling: no probe,
// no violation report, and no need for 'unsafe-eval'. The server keeps the faster compiled parsers.
// Only zod's configuration is imported (the same global object `z.config` writes). Whatever parses in the
// browser imports this first: the back office's root layout (its pages parse everywhere), and the portal's
// lazily loaded form checks (the portal's pages carry no zod until a form is checked).
if (typeof window !== 'undefined') config({ jitless: true });
