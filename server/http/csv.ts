/** UTF-8's byte-order mark: without it Excel opens a CSV in the local code page and mangles "Renée" or "≥". */
const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/**
 * A CSV download streamed from an async generator of CSV chunks (the services' `…Csv` functions): each
 * chunk is read only when the client pulls, so a long export never sits in memory whole. It starts
 * with a UTF-8 byte-order mark.
 */
export function csvResponse(chunks: AsyncGenerator<string>, filename: string): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(UTF8_BOM);
    },
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}
