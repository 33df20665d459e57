'use client';

import { X } from 'lucide-react';
import * as React from 'react';

import { cn } from '@/lib/utils';
import { TAG_MAX_LENGTH } from '@/lib/validation/customer';

type TagsInputProps = {
  id: string;
  value: string[];
  onChange: (tags: string[]) => void;
  onBlur?: () => void;
  inputRef?: React.Ref<HTMLInputElement>;
} & Pick<React.InputHTMLAttributes<HTMLInputElement>, 'aria-describedby' | 'aria-invalid' | 'placeholder'>;

/** Why a typed tag cannot be added, naming it, or null when it can. */
export function tagTooLong(text: string): string | null {
  const tag = text.split(',').map((part) => part.trim()).find((part) => part.length > TAG_MAX_LENGTH);
  if (!tag) return null;
  const shown = tag.length > 24 ? `${tag.slice(0, 24)}…` : tag;
  return `“${shown}” is ${tag.length} characters: a tag is at most ${TAG_MAX_LENGTH}`;
}

// Case-insensitive: "VIP" and "vip" are one tag, as the schema de-duplicates them anyway.
function addTags(current: string[], text: string): string[] {
  const next = [...current];
  for (const raw of text.split(',')) {
    const tag = raw.trim();
    if (tag && !next.some((t) => t.toLowerCase() === tag.toLowerCase())) next.push(tag);
  }
  return next;
}

/**
 * Tags as removable chips. Enter or a comma adds what was typed (pasting "a, b" adds both), Backspace in the
 * empty box removes the last tag, and leaving the box keeps an unfinished tag rather than dropping it.
 */
export function CustomerTagsInput({ id, value, onChange, onBlur, inputRef, placeholder, ...aria }: TagsInputProps) {
  const [draft, setDraft] = React.useState('');
  // Said while typing, and the tag stays in the box to be shortened rather than being added and refused on save.
  const tooLong = tagTooLong(draft);
  const messageId = `${id}-too-long`;

  function commit(text = draft) {
    if (tagTooLong(text)) {
      setDraft(text);
      return;
    }
    if (text.trim()) onChange(addTags(value, text));
    setDraft('');
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Backspace' && draft === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  }

  return (
    <>
      <div
        className={cn(
          'flex min-h-9 w-full flex-wrap items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2 py-1 shadow-sm focus-within:ring-2 focus-within:ring-indigo-500',
          (aria['aria-invalid'] || tooLong) && 'border-red-500',
        )}
      >
        {value.length > 0 && (
          <ul className="contents" aria-label="Tags">
            {value.map((tag) => (
              <li key={tag} className="inline-flex min-w-0 max-w-full items-center gap-1 rounded-full bg-slate-100 py-0.5 pl-2 pr-1 text-xs font-medium text-slate-700">
                <span className="min-w-0 break-all">{tag}</span>
                <button
                  type="button"
                  onClick={() => onChange(value.filter((t) => t !== tag))}
                  className="rounded-full p-0.5 text-slate-500 hover:bg-slate-200 hover:text-slate-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
                  aria-label={`Remove tag ${tag}`}
                >
                  <X className="size-3" aria-hidden />
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          id={id}
          ref={inputRef}
          value={draft}
          onChange={(event) => {
            const text = event.target.value;
            if (text.includes(',')) commit(text);
            else setDraft(text);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            commit();
            onBlur?.();
          }}
          placeholder={value.length ? undefined : placeholder}
          autoComplete="off"
          className="h-7 min-w-32 flex-1 bg-transparent px-1 text-sm placeholder:text-slate-500 focus:outline-none"
          {...aria}
          aria-invalid={tooLong ? true : aria['aria-invalid']}
          aria-describedby={tooLong ? [messageId, aria['aria-describedby']].filter(Boolean).join(' ') : aria['aria-describedby']}
        />
      </div>
      <p id={messageId} aria-live="polite" className="text-sm text-red-700 empty:hidden">
        {tooLong}
      </p>
    </>
  );
}
