import type { IsoDate } from './dates.js';

/**
 * The one citation model. Every answer, rule outcome and API response cites the law with this shape.
 * `label` is how a person reads it: "LAB § 167, stk. 2", "Integrationsloven § 23 d", "LAB § 167, stk. 1, 2. pkt.".
 */
export interface Citation {
  /** The provision's id in the law registry (knowledge/law/). */
  id: string;
  label: string;
  act: string;
  section: string | null;
  subsection: number | null;
  punktum: number | null;
  item: string | null;
  title: string;
  url: string;
  status: 'verified' | 'unverified';
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

/** Builds the label a person reads from the act's label and the provision's place in it. */
export function citationLabel(
  actLabel: string,
  p: { section: string | null; subsection: number | null; punktum: number | null; item: string | null },
): string {
  if (p.section === null) return actLabel;
  let label = `${actLabel} § ${p.section}`;
  if (p.subsection !== null) label += `, stk. ${p.subsection}`;
  if (p.punktum !== null) label += `, ${p.punktum}. pkt.`;
  if (p.item !== null) label += `, nr. ${p.item}`;
  return label;
}
