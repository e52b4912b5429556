/** Time comes in on the command, so decide() stays deterministic and tests drive the clock. */
export interface CommandMetadata {
  now: string;
}
