// Shown while a customer (detail or edit) loads: the page's shape, so nothing jumps when it arrives.
function Block({ className }: { className: string }) {
  return <div aria-hidden className={`animate-pulse rounded-md bg-slate-200/80 motion-reduce:animate-none ${className}`} />;
}

export default function CustomerLoading() {
  return (
    <div className="mx-auto w-full max-w-6xl space-y-6" role="status" aria-live="polite">
      <span className="sr-only">Loading customer…</span>
      <Block className="h-4 w-24" />
      <div className="flex items-center gap-4">
        <Block className="size-12 rounded-full" />
        <div className="space-y-2">
          <Block className="h-7 w-56" />
          <Block className="h-4 w-40" />
        </div>
      </div>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {[0, 1, 2, 3].map((i) => (
          <Block key={i} className="h-20" />
        ))}
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Block className="h-40" />
          <Block className="h-56" />
        </div>
        <div className="space-y-6">
          <Block className="h-44" />
          <Block className="h-32" />
        </div>
      </div>
    </div>
  );
}
