'use client';

import { Eye, EyeOff } from 'lucide-react';
import { useState, type ComponentProps } from 'react';

import { Input } from '@/components/ui/input';
import { cn } from '@/lib/utils';

import { STORE_INPUT_CLASS } from './store-styles';

/** A password field with a show/hide toggle; the toggle keeps its own label and pressed state for screen readers. */
export function PasswordInput({ id, className, ...props }: Omit<ComponentProps<'input'>, 'type'> & { id: string }) {
  const [isVisible, setIsVisible] = useState(false);
  return (
    <div className="relative">
      <Input id={id} type={isVisible ? 'text' : 'password'} className={cn(STORE_INPUT_CLASS, 'pr-12', className)} autoCapitalize="none" autoCorrect="off" spellCheck={false} {...props} />
      <button
        type="button"
        onClick={() => setIsVisible((visible) => !visible)}
        aria-controls={id}
        aria-pressed={isVisible}
        aria-label={isVisible ? 'Hide password' : 'Show password'}
        className="absolute inset-y-0 right-0 flex w-11 items-center justify-center rounded-r-lg text-stone-500 hover:text-stone-800 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-emerald-700"
      >
        {isVisible ? <EyeOff className="size-5" aria-hidden /> : <Eye className="size-5" aria-hidden />}
      </button>
    </div>
  );
}
