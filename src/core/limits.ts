// Size limits on what clplay reads from outside: archives merged into the saves, a model's reply,
// an answer file, a scenario file and its context. Every limit has a default that no honest use comes near, and can be changed
// in the settings (`clplay config set limits.replyMB 8`) or, where a command takes it, a flag.
// Pure: the settings module reads the stored values; this one holds the defaults and units.

export interface ArchiveLimits {
  /** Entries (files, folders, links) an archive may hold. */
  entries: number;
  /** Unpacked bytes of one entry (a run file). */
  entryBytes: number;
  /** Unpacked bytes of all entries together. */
  totalBytes: number;
  /** Unpacked / packed size: a zip bomb's ratio is in the thousands, a folder of runs' in the tens. */
  ratio: number;
}

export interface Limits {
  archive: ArchiveLimits;
  /** Characters of one model reply; beyond it the stream is cut and the reply marked truncated. */
  replyChars: number;
  /** Bytes of an answer read from a file (`check --answer-file`). */
  answerFileBytes: number;
  /** Bytes of one scenario file or the context file it names (CL-bench's largest context is 0.3 MB). */
  scenarioFileBytes: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: Limits = {
  archive: { entries: 20_000, entryBytes: 64 * MB, totalBytes: 1024 * MB, ratio: 200 },
  replyChars: 2 * MB,
  answerFileBytes: 4 * MB,
  scenarioFileBytes: 10 * MB,
};

/** The settings under `limits.` (all optional; MB may be fractional). */
export interface LimitsSection {
  archiveEntries?: number;
  archiveEntryMB?: number;
  archiveTotalMB?: number;
  archiveRatio?: number;
  replyMB?: number;
  answerFileMB?: number;
  scenarioMB?: number;
}

/** The default of each `limits.` setting, in the setting's own unit (for `clplay config list`). */
export const LIMIT_SETTING_DEFAULTS: Record<keyof LimitsSection, number> = {
  archiveEntries: DEFAULT_LIMITS.archive.entries,
  archiveEntryMB: DEFAULT_LIMITS.archive.entryBytes / MB,
  archiveTotalMB: DEFAULT_LIMITS.archive.totalBytes / MB,
  archiveRatio: DEFAULT_LIMITS.archive.ratio,
  replyMB: DEFAULT_LIMITS.replyChars / MB,
  answerFileMB: DEFAULT_LIMITS.answerFileBytes / MB,
  scenarioMB: DEFAULT_LIMITS.scenarioFileBytes / MB,
};

/** The limits in force: stored settings over the defaults. */
export function resolveLimits(section: LimitsSection | undefined): Limits {
  const s = section ?? {};
  const d = DEFAULT_LIMITS;
  const bytes = (mb: number | undefined, dflt: number) => (mb !== undefined ? Math.max(1, Math.floor(mb * MB)) : dflt);
  return {
    archive: {
      entries: s.archiveEntries ?? d.archive.entries,
      entryBytes: bytes(s.archiveEntryMB, d.archive.entryBytes),
      totalBytes: bytes(s.archiveTotalMB, d.archive.totalBytes),
      ratio: s.archiveRatio ?? d.archive.ratio,
    },
    replyChars: bytes(s.replyMB, d.replyChars),
    answerFileBytes: bytes(s.answerFileMB, d.answerFileBytes),
    scenarioFileBytes: bytes(s.scenarioMB, d.scenarioFileBytes),
  };
}

/** `2 MB`, `640 KB`, `12 bytes`. */
export function formatBytes(n: number): string {
  if (n >= MB) return `${+(n / MB).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
