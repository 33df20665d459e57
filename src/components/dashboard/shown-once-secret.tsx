'use client';

import { AlertTriangle, Check, Copy } from 'lucide-react';
import { useRef, useState } from 'react';

import { Alert, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';

/**
 * A secret the server keeps no readable copy of (an API key) or shows only now (a webhook signing secret): the value
 * with Copy and Done, and a warning that it will not be shown again.
 */
export function ShownOnceSecret({
  id,
  title,
  label,
  warning,
  secret,
  onDone,
}: {
  id: string;
  title: string;
  /** The field's name for screen readers and tests, e.g. "Signing secret". */
  label: string;
  warning: string;
  secret: string;
  onDone: () => void;
}) {
  const [isCopied, setIsCopied] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setIsCopied(true);
    } catch {
      // Clipboard access can be refused (insecure origin, permissions): select it for Ctrl+C instead.
      inputRef.current?.select();
    }
  }
  return (
    <Alert variant="success" role="status">
      <Check aria-hidden />
      <div className="min-w-0 flex-1 space-y-3">
        <div>
          <AlertTitle>{title}</AlertTitle>
          <p className="mt-1 flex items-start gap-1.5 text-amber-800">
            <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden />
            {warning}
          </p>
        </div>
        <div className="flex flex-col gap-2 sm:flex-row">
          <label htmlFor={id} className="sr-only">
            {label}
          </label>
          <Input id={id} ref={inputRef} readOnly value={secret} onFocus={(event) => event.target.select()} className="font-mono text-xs" />
          <div className="flex gap-2">
            <Button type="button" variant="outline" onClick={copy} className="flex-1 sm:flex-none">
              {isCopied ? <Check aria-hidden /> : <Copy aria-hidden />}
              {isCopied ? 'Copied' : 'Copy'}
            </Button>
            <Button type="button" variant="ghost" onClick={onDone}>
              Done
            </Button>
          </div>
        </div>
        <span aria-live="polite" className="sr-only">
          {isCopied ? `${label} copied to the clipboard` : ''}
        </span>
      </div>
    </Alert>
  );
}
