import type { Metadata } from 'next';

import { requireCustomer } from '@/auth/require-customer';
import { AccountDataSection } from '@/components/store/account/account-data-section';
import { AccountPageHeader } from '@/components/store/account/account-page-header';
import { ProfileForm } from '@/components/store/account/profile-form';
import { getStoreProfile } from '@/services/store/account';

export const metadata: Metadata = { title: 'Your details' };

export default async function ProfilePage() {
  const actor = await requireCustomer();
  const profile = await getStoreProfile({ customerId: actor.id });
  return (
    <div className="space-y-6">
      <AccountPageHeader title="Your details" description="How we address you, and how we may contact you." />
      {/* Not keyed by version: the save's own revalidation must not remount the form and drop its "saved" note. */}
      <ProfileForm profile={profile} />
      <AccountDataSection />
    </div>
  );
}
