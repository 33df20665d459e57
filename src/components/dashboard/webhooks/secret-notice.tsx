'use client';

import { AlertTriangle, Check, Copy } from 'lucide-react';
import { useRef, useState } from 'react';

import { Alert, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';

/** The signing secret, shown once after creating an endpoint or rotating its secret. */
export function SecretNotice({ title, secret, onDone }: { title: string; secret: string; onDone: () => void }) {
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
            Copy the signing secret now and give it to your receiver: it will not be shown again. Receivers verify each delivery with it
            (any Standard Webhooks library does).
          </p>
        </div>
        <div className="flex flex-col gap-2 sm:flex-row">
          <label htmlFor="webhook-secret" className="sr-only">
            Signing secret
          </label>
          <Input id="webhook-secret" ref={inputRef} readOnly value={secret} onFocus={(event) => event.target.select()} className="font-mono text-xs" />
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
          {isCopied ? 'Secret copied to the clipboard' : ''}
        </span>
      </div>
    </Alert>
  );
}
