// Shown while an order loads: the page's shape, so nothing jumps when it arrives.
function Block({ className }: { className: string }) {
  return <div aria-hidden className={`animate-pulse rounded-md bg-slate-200/80 motion-reduce:animate-none ${className}`} />;
}

export default function OrderLoading() {
  return (
    <div className="mx-auto w-full max-w-6xl space-y-6" role="status" aria-live="polite">
      <span className="sr-only">Loading order…</span>
      <Block className="h-4 w-20" />
      <div className="flex flex-col gap-4 sm:flex-row sm:justify-between">
        <div className="space-y-2">
          <Block className="h-7 w-56" />
          <Block className="h-4 w-72 max-w-full" />
        </div>
        <div className="flex gap-2">
          <Block className="h-9 w-28" />
          <Block className="h-9 w-32" />
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <Block className="h-48 lg:order-last" />
        <Block className="h-80 lg:col-span-2" />
      </div>
    </div>
  );
}
