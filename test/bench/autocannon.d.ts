// Types for the parts of autocannon 8's programmatic API that the bench uses. The package ships
// no types, and @types/autocannon is not installed.
declare module 'autocannon' {
  export interface AutocannonRequest {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    /** Called before each request is sent; returns the request to send. */
    setupRequest?: (
      request: AutocannonRequest,
      context: Record<string, unknown>,
    ) => AutocannonRequest;
  }

  export interface AutocannonOptions {
    url: string;
    connections?: number;
    pipelining?: number;
    /** In seconds. */
    duration?: number;
    /** In seconds. */
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    requests?: AutocannonRequest[];
    /**
     * Resolves to the raw result, for `aggregateResult`. In a worker thread autocannon returns
     * the raw result whatever this is set to.
     */
    skipAggregateResult?: boolean;
  }

  /** The result of a run with `skipAggregateResult`, only to be passed to `aggregateResult`. */
  export interface AutocannonRawResult {
    readonly totalCompletedRequests: number;
  }

  /** An hdr-histogram summary; latency values are in milliseconds. */
  export interface AutocannonHistogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p99: number;
    p99_9: number;
  }

  export interface AutocannonResult {
    /** In seconds. */
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
    latency: AutocannonHistogram;
    /** Completed requests per one-second sample; `total` counts all completed requests. */
    requests: AutocannonHistogram & { sent: number };
  }

  /** A running benchmark: an EventEmitter that is also a promise of the result. */
  export interface AutocannonInstance extends PromiseLike<AutocannonRawResult> {
    /** `responseTime` is in milliseconds, with sub-millisecond precision. */
    on(
      event: 'response',
      listener: (
        client: unknown,
        statusCode: number,
        resBytes: number,
        responseTime: number,
      ) => void,
    ): this;
  }

  function autocannon(options: AutocannonOptions): AutocannonInstance;

  namespace autocannon {
    function aggregateResult(
      results: AutocannonRawResult[],
      options: AutocannonOptions,
    ): AutocannonResult;
  }

  export default autocannon;
}
