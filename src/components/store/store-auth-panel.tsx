import type { ReactNode } from 'react';

/** The frame of a storefront account page (sign-in, sign-up, password reset): a heading, a line of help, the form. */
export function StoreAuthPanel({ title, description, children, footer }: { title: string; description?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="mx-auto w-full max-w-md px-4 py-10 sm:py-16">
      <div className="mb-6 text-center">
        <h1 className="font-serif text-3xl tracking-tight text-stone-900">{title}</h1>
        {description && <p className="mt-2 text-sm text-stone-600">{description}</p>}
      </div>
      <div className="rounded-2xl border border-stone-200 bg-white p-5 shadow-sm sm:p-8">{children}</div>
      {footer && <div className="mt-6 space-y-2 text-center text-sm text-stone-600">{footer}</div>}
    </div>
  );
}
