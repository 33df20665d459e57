import { Skeleton } from '@/components/ui/skeleton';

// Placeholders in the shape of each account page, announced once as loading.

function Loading({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="status" aria-live="polite" className="space-y-6">
      <span className="sr-only">{label}</span>
      {children}
    </div>
  );
}

function Heading() {
  return (
    <div className="space-y-2">
      <Skeleton className="h-7 w-48" />
      <Skeleton className="h-4 w-64 max-w-full" />
    </div>
  );
}

function Rows({ count }: { count: number }) {
  return (
    <div className="divide-y divide-stone-100 rounded-lg border border-stone-200 bg-white">
      {Array.from({ length: count }, (_, index) => (
        <div key={index} className="flex items-center gap-3 px-4 py-3">
          <div className="flex-1 space-y-2">
            <Skeleton className="h-4 w-40" />
            <Skeleton className="h-3 w-28" />
          </div>
          <Skeleton className="h-4 w-16" />
        </div>
      ))}
    </div>
  );
}

function Cards({ count, height = 'h-40' }: { count: number; height?: string }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {Array.from({ length: count }, (_, index) => (
        <Skeleton key={index} className={`${height} rounded-lg`} />
      ))}
    </div>
  );
}

export function AccountOverviewSkeleton() {
  return (
    <Loading label="Loading your account">
      <Heading />
      <Cards count={2} height="h-28" />
      <Rows count={3} />
      <Cards count={2} height="h-32" />
    </Loading>
  );
}

export function ProfileSkeleton() {
  return (
    <Loading label="Loading your details">
      <Heading />
      <Skeleton className="h-80 rounded-lg" />
      <Skeleton className="h-40 rounded-lg" />
    </Loading>
  );
}

export function AddressesSkeleton() {
  return (
    <Loading label="Loading your addresses">
      <Heading />
      <Cards count={2} height="h-52" />
    </Loading>
  );
}

export function OrdersSkeleton() {
  return (
    <Loading label="Loading your orders">
      <Heading />
      <Rows count={6} />
    </Loading>
  );
}

export function OrderSkeleton() {
  return (
    <Loading label="Loading the order">
      <Skeleton className="h-5 w-24" />
      <Heading />
      <div className="grid gap-6 md:grid-cols-3">
        <Skeleton className="h-72 rounded-lg md:col-span-2" />
        <Skeleton className="h-32 rounded-lg" />
      </div>
    </Loading>
  );
}
