'use client';

import { useEffect, useState } from 'react';
import type { MessageKey } from '@tobacco/i18n/messages';
import { useT } from '@tobacco/ui/i18n';
import { formatDuration } from '@/lib/duration';

/**
 * The order window's countdown, rendered on the server and refreshed each minute in the browser. It is not
 * a live region: a screen reader hears it once, not every minute.
 */
export function Countdown({ target, label, initial }: { target: string; label: MessageKey; initial: string }) {
  const t = useT();
  const [text, setText] = useState(initial);
  useEffect(() => {
    const tick = () => setText(t(label, { time: formatDuration(new Date(target).getTime() - Date.now(), t) }));
    const timer = window.setInterval(tick, 60_000);
    return () => window.clearInterval(timer);
  }, [target, label, t]);
  return <span>{text}</span>;
}
