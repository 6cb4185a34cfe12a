import type { Outcome } from '../../knowledge/rules/assess.js';
import type { OutcomeKind } from '../../knowledge/rules/rules.js';
import type { Role, Situation } from '../../knowledge/rules/inputs.js';
import { type PersonalSummary, summarise } from '../../knowledge/rules/summary.js';
import type { Lang } from '../../knowledge/search/normalise.js';
import type { Answerer } from '../answers.js';
import { type DialogDeps, common } from '../deps.js';
import type { Activity } from '../sdk.js';
import type { Offer } from '../state.js';
import type { TemplateKey } from '../template-keys.js';

/**
 * The articles a summary offers as "read more" buttons: how to apply, and what the agreement or the money looks like.
 */
const READ_MORE: Record<Role, string[]> = {
  citizen: ['saadan-soeger-du', 'min-plan-aftale'],
  employer: ['arbejdsgiver-ansoeg', 'eksempel-arbejdsgiver'],
};

/** The heading of a lead outcome, by the person's role and the outcome's kind. */
export const LEAD_HEADINGS: Record<Role, Record<Exclude<OutcomeKind, 'info'>, TemplateKey>> = {
  citizen: {
    right: 'summary.heading.right',
    possible: 'summary.heading.possible',
    'not-eligible': 'summary.heading.notEligible',
  },
  employer: {
    right: 'summary.heading.employerRight',
    possible: 'summary.heading.employerPossible',
    'not-eligible': 'summary.heading.employerNotEligible',
  },
};

/** Whether an employer's summary offers the cost estimate: when the support is possible at all. */
export const offersEstimate = (situation: Situation) =>
  situation.role === 'employer' && situation.supportBeyondUsual !== false;

/**
 * The end of an intake, as one message so that its start (the person's own outcome) is what a chat shows first:
 * what applies to this person with its law and "fordi du svarede ...", at most two next steps that fit them, what is
 * good to know for them, and who decides; buttons to read more, ask, talk to a caseworker or start again (and, for
 * an employer who can get support, to make a cost estimate). Which outcomes and steps concern the person is the
 * rule module's call (knowledge/rules/summary.ts). `leadSaid`: the outcome was just said (a personal answer), so
 * the summary gives the steps and the rest only.
 */
export function summary(
  deps: DialogDeps,
  answerer: Answerer,
  situation: Situation,
  lang: Lang,
  options: { leadSaid?: boolean } = {},
): { activities: Partial<Activity>[]; offers: Offer[] } {
  const { replies } = deps;
  const role = situation.role;
  const personal = summarise(deps.kb.assessor, situation, deps.today());
  const lead = options.leadSaid ? [] : personal.lead;
  const view = {
    ...common(deps, lang),
    lead: lead.map((o) => ({
      ...outcomeView(o, lang),
      heading: replies.text(lang, LEAD_HEADINGS[role][personal.leadKind!]),
    })),
    nothing: !options.leadSaid && personal.lead.length === 0,
    steps: personal.steps.map((s) => s.text[lang]),
    goodToKnow: personal.goodToKnow.map((o) => outcomeView(o, lang)),
    estimate: offersEstimate(situation),
  };
  const offers = READ_MORE[role].map((id) => answerer.offer(id, lang));
  const buttons = [
    ...(view.estimate ? [replies.text(lang, 'buttons.estimate')] : []),
    ...offers.map((o) => o.label),
    replies.text(lang, 'buttons.question'),
    replies.text(lang, 'buttons.human'),
    replies.text(lang, 'buttons.restart'),
  ];
  const activity: Partial<Activity> = {
    ...replies.message(lang, role === 'employer' ? 'summary.employer' : 'summary.citizen', view, buttons),
    channelData: { mentorbot: summaryData(personal) },
  };
  return { activities: [activity], offers };
}

/** An outcome as the templates show it. */
export function outcomeView(o: Outcome, lang: Lang) {
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

/** The summary as data: the lead, the steps and the outcomes shown, for clients and test runners. */
function summaryData(s: PersonalSummary) {
  return {
    lead: s.lead.map((o) => o.id),
    steps: s.steps.map((x) => x.id),
    outcomes: [...s.lead, ...s.goodToKnow].map(outcomeData),
  };
}
