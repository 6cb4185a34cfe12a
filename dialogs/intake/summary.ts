import type { Outcome } from '../../knowledge/rules/assess.js';
import type { OutcomeKind } from '../../knowledge/rules/rules.js';
import type { Role, Situation } from '../../knowledge/rules/inputs.js';
import type { Lang } from '../../knowledge/search/normalise.js';
import type { Answerer } from '../answers.js';
import { type DialogDeps, common } from '../deps.js';
import type { Activity } from '../sdk.js';
import type { Offer } from '../state.js';
import type { TemplateKey } from '../template-keys.js';

/** The articles a summary offers as "read more" buttons: how to apply, and what the agreement or the money looks like. */
const READ_MORE: Record<Role, string[]> = {
  citizen: ['saadan-soeger-du', 'min-plan-aftale'],
  employer: ['arbejdsgiver-ansoeg', 'eksempel-arbejdsgiver'],
};

const HEADINGS: Record<Role, Record<OutcomeKind, TemplateKey>> = {
  citizen: {
    right: 'summary.heading.right',
    possible: 'summary.heading.possible',
    'not-eligible': 'summary.heading.notEligible',
    info: 'summary.heading.info',
  },
  employer: {
    right: 'summary.heading.right',
    possible: 'summary.heading.employerPossible',
    'not-eligible': 'summary.heading.employerNotEligible',
    info: 'summary.heading.info',
  },
};

/**
 * The end of an intake: what the rule module says applies (right, possible, not eligible, good to know), why, on
 * which law, and what to do next, with buttons to read more, ask a question or talk to a caseworker. One message per
 * part, so each stays short on a phone.
 */
export function summary(
  deps: DialogDeps,
  answerer: Answerer,
  situation: Situation,
  lang: Lang,
  options: { nextOnly?: boolean } = {},
): { activities: Partial<Activity>[]; offers: Offer[] } {
  const { replies } = deps;
  const role = situation.role;
  const base = common(deps, lang);
  const assessment = deps.kb.assessor.assess(situation, deps.today());
  const activities: Partial<Activity>[] = [
    replies.message(lang, role === 'employer' ? 'summary.headEmployer' : 'summary.head', base),
  ];
  const kinds: OutcomeKind[] = options.nextOnly ? [] : ['right', 'possible', 'not-eligible', 'info'];
  for (const kind of kinds) {
    const outcomes = assessment.outcomes.filter((o) => o.kind === kind);
    if (outcomes.length === 0) continue;
    activities.push({
      ...replies.message(lang, 'summary.section', {
        ...base,
        heading: replies.text(lang, HEADINGS[role][kind]),
        outcomes: outcomes.map((o) => outcomeView(o, lang)),
      }),
      channelData: { mentorbot: { outcomes: outcomes.map(outcomeData) } },
    });
  }
  if (options.nextOnly) activities.length = 0;
  else if (activities.length === 1) activities.push(replies.message(lang, 'summary.nothing', base));
  const offers = READ_MORE[role].map((id) => answerer.offer(id, lang));
  const buttons = [
    ...offers.map((o) => o.label),
    replies.text(lang, 'buttons.question'),
    replies.text(lang, 'buttons.human'),
    replies.text(lang, 'buttons.restart'),
  ];
  activities.push(replies.message(lang, role === 'employer' ? 'summary.nextEmployer' : 'summary.next', base, buttons));
  return { activities, offers };
}

function outcomeView(o: Outcome, lang: Lang) {
  return {
    text: lang === 'da' ? o.text : o.textEn,
    // An outcome that holds for everyone needs no "because you said".
    because: o.inputs.length === 0 ? '' : lang === 'da' ? o.because : o.becauseEn,
    unsure: o.certainty === 'unverified',
    citations: o.citations.map((c) => ({ label: c.label, url: c.url, unverified: c.status === 'unverified' })),
  };
}

/** An outcome as data beside its text, for clients that act on it (and test runners that check it). */
export function outcomeData(o: Outcome) {
  return { id: o.id, kind: o.kind, certainty: o.certainty, citations: o.citations.map((c) => c.label) };
}
