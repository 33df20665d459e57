import type { PersonalDataExport } from '@/lib/privacy-types';

/**
 * A data export as a JSON download: `Content-Disposition: attachment` with a file name that says whose and when (the
 * customer id, not their name, so the name of a file left in a downloads folder gives nobody away), and never cached.
 */
export function personalDataDownload(data: PersonalDataExport): Response {
  const day = data.exportedAt.slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    status: 200,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="customer-${data.customer.id}-data-${day}.json"`,
      'cache-control': 'no-store',
    },
  });
}
