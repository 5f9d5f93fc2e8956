import autocannon from "autocannon";

/**
 * The load driver (bench/README.md): autocannon at a fixed number of connections. autocannon reports no
 * p95, so every response time is collected from its `response` event and the percentiles computed here.
 */
export type LoadResult = {
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  durationS: number;
};

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

export async function load(
  url: string,
  opts: { connections: number; durationS: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  const times: number[] = [];
  let non2xx = 0;
  const started = Date.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: opts.connections, duration: opts.durationS, headers: opts.headers },
      (err, res) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(res)),
    );
    instance.on("response", (_client, statusCode: number, _bytes: number, responseTime: number) => {
      times.push(responseTime);
      if (statusCode < 200 || statusCode >= 300) non2xx += 1;
    });
  });
  const elapsed = (Date.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    requests: times.length,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx,
    rps: times.length / elapsed,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    durationS: elapsed,
  };
}
