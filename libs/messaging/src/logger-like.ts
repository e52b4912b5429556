/** The slice of Nest's Logger this library writes to; any Nest Logger satisfies it. */
export interface LoggerLike {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
