/**
 * An error a user can act on. The CLI prints its message as one line (no stack) and exits
 * with `exitCode`. Messages name the file, line and field where they can, and what to do next.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'UserError';
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
