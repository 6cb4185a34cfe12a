/**
 * A problem in a content file (law registry, article, rule texts). The message always names the file and
 * the field, so a content editor knows where to look: `knowledge/articles/citizen/varighed.md: citations[1]: ...`.
 */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}: ${field}: ${problem}`);
    this.name = 'ContentError';
  }
}

/** Several content errors found in one pass, reported together so an editor can fix them all at once. */
export class ContentErrors extends Error {
  constructor(readonly errors: ContentError[]) {
    super(`${errors.length} content error(s):\n` + errors.map((e) => '  ' + e.message).join('\n'));
    this.name = 'ContentErrors';
  }
}
