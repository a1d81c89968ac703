/** The outcome of one machine check: pass or fail, and one line a person understands. */
export interface CheckResult {
  pass: boolean;
  reason: string;
  /** For regex checks: the pattern, for authors (`clplay check --json`), never shown to players. */
  pattern?: string;
}

export const pass = (reason: string): CheckResult => ({ pass: true, reason });
export const fail = (reason: string): CheckResult => ({ pass: false, reason });
