export interface EnvProblem {
  variable: string;
  messages: string[];
}

/** Thrown at boot so the operator sees every bad variable at once, not one per restart. */
export class InvalidEnvironmentError extends Error {
  readonly code = 'CONFIG.INVALID_ENVIRONMENT';

  constructor(readonly problems: EnvProblem[]) {
    super(
      'Invalid environment:\n' +
        problems.map((p) => `  - ${p.variable}: ${p.messages.join('; ')}`).join('\n'),
    );
    this.name = 'InvalidEnvironmentError';
  }
}
