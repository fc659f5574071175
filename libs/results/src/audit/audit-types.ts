/**
 * What the release auditor is told, and what it answers. The auditor plays a reader who knows
 * every published number to within the noise bound and every identity between the true values
 * (this release and the earlier releases of the same survey version and municipality), and asks,
 * for each withheld cell, how far those facts pin its true value down.
 */

export interface AuditCell {
  /** Names the same count across releases (and, within a release, is unique). */
  key: string;
  /** The true count (used only to skip solves the truth already settles, never as a fact the reader has). */
  trueValue: number;
  /** The published (perturbed) value, or null when withheld (the reader knows it was below k). */
  published: number | null;
  /**
   * Optional: never shown at all (e.g. "answered but did not choose X"), so the reader knows only
   * that it is >= 0 and the lines through it. Not audited, and not bounded by k like a withheld cell.
   */
  hidden?: boolean;
}

/** Indices into `cells`: the members' true values add up to the total's true value. */
export interface AuditLine {
  members: number[];
  total: number;
}

export interface AuditTables {
  cells: AuditCell[];
  lines: AuditLine[];
}

export interface AuditInput {
  k: number;
  /** Every published value is within this of the truth (|published - true| <= noiseBound). */
  noiseBound: number;
  release: AuditTables;
  /**
   * Earlier releases of the same survey version and municipality, oldest first: a cell with the
   * same key holds a subset of the same people, so its true value never decreases release to release.
   */
  earlier: AuditTables[];
}

/** A withheld cell whose consistent true values are one value, or all inside 1..k-1. */
export interface AuditExposure {
  key: string;
  /** Smallest and largest integer true value consistent with everything published. */
  min: number;
  max: number;
}

export interface AuditReport {
  /** Withheld cells of the release that were examined. */
  cellsChecked: number;
  /** LP solves run. */
  solves: number;
  exposed: AuditExposure[];
  millis: number;
}
