import type { Actor } from '@/lib/types';
import { can } from '@/lib/permissions';

import { NAV_SECTIONS } from './nav-items';
import { NavLink } from './nav-link';

/** The dashboard's navigation, showing only what the signed-in role may use. */
export function DashboardNav({ role }: { role: Actor['role'] }) {
  const sections = NAV_SECTIONS.map((section) => ({
    ...section,
    items: section.items.filter((item) => !item.permission || can({ role }, item.permission)),
  })).filter((section) => section.items.length > 0);
  const allHrefs = sections.flatMap((section) => section.items.map((item) => item.href));

  return (
    <nav aria-label="Main" className="space-y-6">
      {sections.map((section, index) => (
        <div key={section.label ?? index}>
          {section.label && (
            <h2 id={`nav-section-${index}`} className="mb-1 px-3 text-xs font-semibold uppercase tracking-wide text-slate-500">
              {section.label}
            </h2>
          )}
          <ul className="space-y-0.5" aria-labelledby={section.label ? `nav-section-${index}` : undefined}>
            {section.items.map((item) => (
              <li key={item.href}>
                <NavLink href={item.href} allHrefs={allHrefs}>
                  <item.icon aria-hidden />
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
