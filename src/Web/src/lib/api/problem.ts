/** RFC 9457 ProblemDetails as the Api sends it; `errors` holds field errors on validation problems. */
export interface Problem {
  type?: string | null;
  title?: string | null;
  status?: number | null;
  detail?: string | null;
  errors?: Record<string, string[]>;
  traceId?: string;
}

/** Thrown by API hooks so that components can show field errors or a status-specific message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
  ) {
    super(problem?.title ?? `HTTP ${status}`);
  }

  fieldErrors(): Record<string, string> {
    const result: Record<string, string> = {};
    for (const [field, messages] of Object.entries(this.problem?.errors ?? {})) result[field] = messages.join(' ');
    return result;
  }
}

/** Turns an openapi-fetch result into data or a thrown ApiError. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok || result.data === undefined)
    throw new ApiError(result.response.status, result.error as Problem | undefined);
  return result.data;
}
