import { AccountOverviewSkeleton } from '@/components/store/account/account-skeletons';

export default function Loading() {
  return <AccountOverviewSkeleton />;
}
