/** The outcome of one machine check: pass or fail, and one line a person understands. */
export interface CheckResult {
  pass: boolean;
  reason: string;
}

export const pass = (reason: string): CheckResult => ({ pass: true, reason });
export const fail = (reason: string): CheckResult => ({ pass: false, reason });
