/** Error codes with their HTTP status; the only error type domain code throws. */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * A domain error: `code` for machines, `userMessage` an i18n key (under "errors.") or a
 * message safe to show, `fieldErrors` for forms.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  readonly fieldErrors?: Record<string, string[]>;

  constructor(
    code: ErrorCode,
    opts: { message?: string; userMessage?: string; fieldErrors?: Record<string, string[]> } = {},
  ) {
    super(opts.message ?? opts.userMessage ?? code);
    this.name = "AppError";
    this.code = code;
    this.userMessage = opts.userMessage ?? `errors.${code}`;
    this.fieldErrors = opts.fieldErrors;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
