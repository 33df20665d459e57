import type { Metadata } from 'next';

import { requireStaff } from '@/auth/require-staff';
import { ClassificationRulesForm } from '@/components/dashboard/classification/classification-rules-form';
import { ClassifierProviderCard } from '@/components/dashboard/classification/classifier-provider-card';
import { ClassificationRulesSummary } from '@/components/dashboard/classification/classification-rules-summary';
import { PageHeader } from '@/components/dashboard/shell/page-header';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { SHOP_CURRENCY } from '@/lib/config';
import { minorToMajorString } from '@/lib/format';
import { describeRules } from '@/services/classification/rules';
import { describeClassifier, getClassificationRules, listClassificationGroups } from '@/services/classification/settings';
import { can } from '@/services/permissions';

export const metadata: Metadata = { title: 'Classification' };

export default async function ClassificationSettingsPage() {
  const actor = await requireStaff('classification:read');
  const [rules, groups] = await Promise.all([getClassificationRules(), listClassificationGroups()]);
  const classifier = describeClassifier();
  const canManage = can(actor, 'classification:manage');
  const groupNames = new Set(groups.map((group) => group.name.toLowerCase()));
  const missingGroups = [rules.wholesaler.groupName, rules.vip.groupName, rules.fallback.groupName].filter((name) => !groupNames.has(name.toLowerCase()));

  return (
    <div className="max-w-5xl">
      <PageHeader
        title="Classification"
        description="How customer group suggestions are worked out: the built-in rules below, and a language model when one is configured."
      />
      <div className="space-y-6">
        <ClassifierProviderCard provider={classifier.provider} isModelConfigured={classifier.isModelConfigured} timeoutMs={classifier.timeoutMs} />
        <Card>
          <CardHeader>
            <CardTitle>Rules, in the order they are checked</CardTitle>
          </CardHeader>
          <CardContent className="py-4">
            <ClassificationRulesSummary rules={describeRules(rules, SHOP_CURRENCY)} missingGroups={missingGroups} />
          </CardContent>
        </Card>
        {canManage ? (
          <Card>
            <CardHeader>
              <CardTitle>Change the rules</CardTitle>
            </CardHeader>
            <CardContent className="py-4">
              <ClassificationRulesForm
                currency={SHOP_CURRENCY}
                groups={groups.map((group) => group.name)}
                values={{ ...rules, vip: { ...rules.vip, minTotalSpend: minorToMajorString(rules.vip.minTotalSpend, SHOP_CURRENCY) } }}
              />
            </CardContent>
          </Card>
        ) : (
          <p className="text-sm text-slate-600">Only owners and admins can change the rules.</p>
        )}
      </div>
    </div>
  );
}
