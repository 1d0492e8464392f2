'use client';

import { useEffect, useId, useRef } from 'react';
import type { MessageKey } from '@tobacco/i18n/messages';
import { useT } from '@tobacco/ui/i18n';

// A small rich-text box for a promotion's body: bold, italic, underline, a heading, lists and links. The
// browser's editing commands do the formatting; the server sanitises whatever arrives (only these tags
// survive), so what is pasted in cannot smuggle script or styles through.

type Command = { key: MessageKey; command: string; argument?: string };

const COMMANDS: Command[] = [
  { key: 'promotions.staff.editor.bold', command: 'bold' },
  { key: 'promotions.staff.editor.italic', command: 'italic' },
  { key: 'promotions.staff.editor.underline', command: 'underline' },
  { key: 'promotions.staff.editor.heading', command: 'formatBlock', argument: 'h3' },
  { key: 'promotions.staff.editor.paragraph', command: 'formatBlock', argument: 'p' },
  { key: 'promotions.staff.editor.bullets', command: 'insertUnorderedList' },
  { key: 'promotions.staff.editor.numbers', command: 'insertOrderedList' },
  { key: 'promotions.staff.editor.link', command: 'createLink' },
  { key: 'promotions.staff.editor.clear', command: 'removeFormat' },
];

export function RichTextField({
  label,
  hint,
  error,
  value,
  onChange,
}: {
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (html: string) => void;
}) {
  const t = useT();
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const initial = useRef(value);

  // The initial HTML is set once; after that the box owns its content (re-rendering it would move the caret).
  useEffect(() => {
    if (box.current) box.current.innerHTML = initial.current;
  }, []);

  const exec = (command: string, argument?: string) => {
    box.current?.focus();
    document.execCommand(command, false, argument);
    onChange(box.current?.innerHTML ?? '');
  };
  const runCommand = (command: Command) => {
    if (command.command !== 'createLink') return exec(command.command, command.argument);
    const url = window.prompt(t('promotions.staff.editor.linkPrompt'), 'https://');
    if (url && /^(https?:|mailto:)/i.test(url.trim())) exec('createLink', url.trim());
  };

  return (
    <div className="flex flex-col gap-1">
      <span id={`${id}-label`} className="font-semibold text-ink">
        {label}
      </span>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-ink-subtle">
          {hint}
        </p>
      ) : null}
      <div className={`rounded-lg border bg-surface ${error ? 'border-2 border-danger-700' : 'border-control'}`}>
        <div role="toolbar" aria-label={t('promotions.staff.editor.toolbar')} className="flex flex-wrap gap-1 border-b border-line p-1">
          {COMMANDS.map((command) => (
            <button
              key={command.key}
              type="button"
              // Keep the selection in the box while the button is pressed.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => runCommand(command)}
              className="min-h-11 rounded-md px-3 text-sm font-semibold text-ink hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-700"
            >
              {t(command.key)}
            </button>
          ))}
        </div>
        <div
          ref={box}
          role="textbox"
          aria-multiline="true"
          aria-labelledby={`${id}-label`}
          aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
          aria-invalid={error ? true : undefined}
          contentEditable
          suppressContentEditableWarning
          tabIndex={0}
          data-testid="promotion-body"
          onInput={() => onChange(box.current?.innerHTML ?? '')}
          onBlur={() => onChange(box.current?.innerHTML ?? '')}
          className="prose-promotion min-h-40 px-3 py-2 text-base text-ink focus:outline-2 focus:outline-brand-700 [&_h3]:text-lg [&_h3]:font-bold [&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6"
        />
      </div>
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
