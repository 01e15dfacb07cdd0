/** An RFC 9457 problem detail, as the backend's exception handler sends it. */
export interface ProblemDetail {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}

/**
 * Every failed HTTP call surfaces as an ApiError so pages can show the server's own words
 * (`title`, `detail`) instead of a generic message. `status` is 0 when no response arrived.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail?: string;
  readonly problem?: ProblemDetail;
  /** From a 429's (or 503's) Retry-After header, in seconds. */
  readonly retryAfterSeconds?: number;

  constructor(status: number, title: string, detail?: string, problem?: ProblemDetail, retryAfterSeconds?: number) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = "ApiError";
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
