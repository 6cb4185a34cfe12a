// The package's main typings also declare JSONSchemaCard, which needs @types/json-schema (not installed, and
// strict type checking of libraries is on); the template engine alone is all we use, required at the first card (the
// package is CommonJS).
import { createRequire } from 'node:module';
import type { Template } from 'adaptivecards-templating/lib/template-engine.js';
import { escapeMarkdown } from '../../dialogs/templates.js';
import { maskPersonalData } from '../privacy/mask.js';
import { CASE_CARD_TEMPLATE } from './case-card-template.js';

/** What the caseworker's card shows about one handoff. */
export interface CaseCardData {
  caseId: string;
  status: 'waiting' | 'claimed' | 'ended' | 'declined' | 'callback';
  /** Danish labels of what the citizen answered, e.g. [{ label: 'Situation', value: 'Ledig' }]. */
  situation: { label: string; value: string }[];
  /** The rule outcomes: text (Danish) and citation labels with URLs. */
  outcomes: { text: string; citations: { label: string; url: string }[] }[];
  /** The open question (what the citizen wants help with), may be ''. */
  question: string;
  /** The conversation so far, oldest first, already masked. */
  transcript: { from: 'user' | 'bot'; text: string; at: string }[];
  /** ISO time the citizen asked for a caseworker. */
  createdAt: string;
  /** The caseworker's display name. */
  claimedBy: string | null;
  /** E.g. "Uden for åbningstid: borgeren har bedt om at blive ringet op." */
  note: string | null;
}

/** How many of the latest transcript lines the card shows at most. */
export const MAX_TRANSCRIPT_LINES = 20;
/** How many characters of a transcript line the card shows at most (the ellipsis included). */
export const MAX_LINE_CHARS = 300;
/** How many characters of the question the card shows at most. */
export const MAX_QUESTION_CHARS = 1000;
/**
 * The most the card's JSON may take, in UTF-8 bytes. Teams refuses messages over about 28 KB; the rest is left for
 * the activity around the card.
 */
export const MAX_CARD_BYTES = 26 * 1024;
/** The content type of an Adaptive Card attachment. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

const STATUS: Record<CaseCardData['status'], { text: (by: string | null) => string; color: string }> = {
  waiting: { text: () => 'Venter', color: 'Attention' },
  claimed: { text: (by) => (by ? `Overtaget af ${by}` : 'Overtaget'), color: 'Good' },
  ended: { text: () => 'Afsluttet', color: 'Default' },
  declined: { text: () => 'Afvist', color: 'Default' },
  callback: { text: () => 'Ønsker opkald', color: 'Accent' },
};

/** The template engine is loaded at the first card, not at start: most turns never hand a conversation over. */
let template: Template | null = null;
function cardTemplate(): Template {
  if (!template) {
    const engine = createRequire(import.meta.url)('adaptivecards-templating/lib/template-engine.js') as {
      Template: typeof Template;
    };
    template = new engine.Template(CASE_CARD_TEMPLATE);
  }
  return template;
}

/**
 * The caseworker's Adaptive Card (version 1.5) as a plain object: header with the time, status in words, the
 * citizen's situation, the outcomes with their citations as Markdown links, the open question, the last
 * MAX_TRANSCRIPT_LINES lines of the conversation ("Borger: " / "Mentorbot: ", each cut at MAX_LINE_CHARS), and the
 * actions for the status: "Overtag samtalen" and "Afvis" while waiting, "Afslut" while claimed, none otherwise. Each
 * action is an Action.Submit whose data { mentorbot: 'claim' | 'decline' | 'end', caseId } comes back as the
 * activity's `value`.
 *
 * Guarantees: data is never evaluated as a template expression; nothing from the case renders as a link, markup or
 * mention: the question and the conversation go into TextRuns (shown as they are), and the situation, the note and
 * the caseworker's name, shown in TextBlocks and facts (which Teams reads as Markdown), are escaped; the question and
 * every transcript line pass through maskPersonalData again; the JSON stays within MAX_CARD_BYTES by leaving out the
 * oldest lines (the card says how many). Throws when even the card without any transcript line is too large.
 */
export function caseCard(data: CaseCardData): Record<string, unknown> {
  const lines = data.transcript.slice(-MAX_TRANSCRIPT_LINES).map(transcriptLine);
  let omitted = data.transcript.length - lines.length;
  for (;;) {
    const card = cardTemplate().expand({ $root: viewModel(data, lines, omitted) }) as Record<string, unknown>;
    const bytes = Buffer.byteLength(JSON.stringify(card), 'utf8');
    if (bytes <= MAX_CARD_BYTES) return card;
    if (lines.length === 0)
      throw new Error(
        `The case card for ${data.caseId} takes ${bytes} bytes without the conversation; at most ${MAX_CARD_BYTES} fit`,
      );
    lines.shift();
    omitted++;
  }
}

/** The card as a Bot Framework attachment, ready for an activity's `attachments`. */
export function caseCardAttachment(data: CaseCardData): { contentType: string; content: Record<string, unknown> } {
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: caseCard(data) };
}

interface Line {
  speaker: string;
  text: string;
}

function transcriptLine(line: CaseCardData['transcript'][number]): Line {
  const text = line.from === 'bot' ? plainMarkdown(line.text) : line.text;
  // Mask before cutting: a cut could leave part of a CPR number that the mask no longer recognises.
  return {
    speaker: line.from === 'user' ? 'Borger: ' : 'Mentorbot: ',
    text: cut(maskPersonalData(text).replace(/\s+/g, ' ').trim(), MAX_LINE_CHARS),
  };
}

/** The bot's replies are Markdown; the card shows them as plain text, so links become their labels. */
function plainMarkdown(text: string): string {
  return text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\*\*|__/g, '');
}

/** At most `max` characters (whole code points), the last one "…" when something was cut. */
function cut(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max - 1).join('') + '…';
}

function viewModel(data: CaseCardData, lines: Line[], omitted: number) {
  const status = STATUS[data.status];
  const question = cut(maskPersonalData(data.question).trim(), MAX_QUESTION_CHARS);
  const outcomes = data.outcomes.map((o) => ({
    text: o.text,
    sources: o.citations.map((c) => `[${markdownLabel(c.label)}](${markdownUrl(c.url)})`).join(', '),
    hasSources: o.citations.length > 0,
  }));
  return {
    caseId: data.caseId,
    createdAtText: danishTime(data.createdAt),
    statusText: status.text(data.claimedBy === null ? null : escapeMarkdown(data.claimedBy)),
    statusColor: status.color,
    note: escapeMarkdown(data.note ?? ''),
    hasNote: Boolean(data.note),
    situation: data.situation.map((s) => ({ label: escapeMarkdown(s.label), value: escapeMarkdown(s.value) })),
    hasSituation: data.situation.length > 0,
    outcomes,
    hasOutcomes: outcomes.length > 0,
    question,
    hasQuestion: question !== '',
    lines,
    hasLines: lines.length > 0,
    omittedText: omitted === 1 ? '1 tidligere besked er ikke vist.' : `${omitted} tidligere beskeder er ikke vist.`,
    hasOmitted: omitted > 0,
    isWaiting: data.status === 'waiting',
    isClaimed: data.status === 'claimed',
  };
}

function markdownLabel(label: string): string {
  return label.replace(/[[\]]/g, '');
}

function markdownUrl(url: string): string {
  return url.replace(/[()\s]/g, (c) => encodeURIComponent(c).replace('(', '%28').replace(')', '%29'));
}

const danishFormat = new Intl.DateTimeFormat('da-DK', {
  timeZone: 'Europe/Copenhagen',
  dateStyle: 'long',
  timeStyle: 'short',
});

/** "22. november 2026 kl. 16.48" in Danish time; the text as given when it is not a time. */
function danishTime(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : danishFormat.format(at);
}
