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

  constructor(status: number, title: string, detail?: string, problem?: ProblemDetail) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = "ApiError";
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.problem = problem;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
