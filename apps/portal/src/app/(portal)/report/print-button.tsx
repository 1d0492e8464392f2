'use client';

import { buttonClass } from '@tobacco/ui/button';

/** The browser's print dialog, where "save as PDF" gives the A4 report (the print stylesheet hides the app's frame). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className={buttonClass('secondary')} onClick={() => window.print()}>
      {label}
    </button>
  );
}
