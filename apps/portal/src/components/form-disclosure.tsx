'use client';

import { useId, useState, type ReactNode } from 'react';
import { Button } from '@tobacco/ui/button';
import { useT } from '@tobacco/ui/i18n';

/**
 * A form that stays closed until the shop owner asks for it: a button, and the form under it once pressed.
 * Pages that mostly show something (the profile, the grade) then arrive without their forms' code
 * (react-hook-form, the fields and their hydration), which on a slow phone added ≈ 0.1 s of blocking time to the
 * profile's start-up; the form's code loads when it is opened (give a `next/dynamic` component as
 * `children`). Closing hides the form without dropping what was typed.
 */
export function FormDisclosure({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const id = useId();
  return (
    <div className="flex flex-col gap-3">
      <Button
        type="button"
        variant="secondary"
        aria-expanded={open}
        aria-controls={id}
        className="self-start"
        onClick={() => {
          setOpen(!open);
          setOpened(true);
        }}
      >
        {label}
      </Button>
      <div id={id} hidden={!open}>
        {opened ? children : null}
      </div>
    </div>
  );
}

/** What a form loaded on opening shows meanwhile (a failed load reaches the page's error boundary, with its retry). */
export function FormLoading() {
  const t = useT();
  return (
    <p role="status" className="text-ink-muted">
      {t('common.loading')}
    </p>
  );
}
