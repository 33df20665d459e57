/**
 * A CSV download streamed from text chunks. Pull-based: the next chunk is asked for only when the client has taken
 * the previous ones, so a slow client holds one chunk in memory, not the file. A client that goes away stops the
 * walk (cancel ends the generator, so no further page is read).
 */
export function csvDownload({ filename, chunks }: { filename: string; chunks: AsyncGenerator<string, void, undefined> }): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (error) {
          // The status line is sent already: all that is left is to break the download, which the client sees.
          console.error('CSV export failed while streaming', error);
          controller.error(error);
        }
      },
      async cancel() {
        await chunks.return();
      },
    },
    // Nothing is read ahead: the client's own buffering paces the queries.
    { highWaterMark: 0 },
  );
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      // Personal data: no shared cache keeps a copy.
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
