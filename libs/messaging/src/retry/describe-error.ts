/** One line for logs and DLQ headers: `TypeError: x is undefined`. */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
