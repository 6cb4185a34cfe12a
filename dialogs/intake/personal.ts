import type { Outcome } from '../../knowledge/rules/assess.js';
import type { Situation } from '../../knowledge/rules/inputs.js';
import type { Lang } from '../../knowledge/search/normalise.js';
import { type DialogDeps, common } from '../deps.js';
import type { Activity } from '../sdk.js';
import { summarise } from '../../knowledge/rules/summary.js';
import type { Said } from '../understand.js';
import { LEAD_HEADINGS, outcomeData } from './summary.js';

/** »words« and »words«: what the person wrote that an outcome rests on. */
function quoted(list: string[], lang: Lang): string {
  const q = list.map((s) => (lang === 'da' ? `»${s}«` : `"${s}"`));
  const and = lang === 'da' ? 'og' : 'and';
  return q.length > 1 ? `${q.slice(0, -1).join(', ')} ${and} ${q.at(-1)}` : (q[0] ?? '');
}

/**
 * The personal answer to a message that told the bot about the person: what the rule module finds for them now,
 * the rights first (or else what they can apply for, or cannot get), each with its law and "fordi du skrev ...",
 * quoting the person's own words. The outcomes are also in channelData, as in the summary. Null when nothing applies
 * yet beyond general information.
 */
export function personalAnswer(
  deps: DialogDeps,
  situation: Situation,
  said: Said,
  lang: Lang,
): { activity: Partial<Activity>; outcomes: Outcome[]; fromTheirWords: boolean } | null {
  // The same lead as the summary's: the rights, else what they can apply for, else what they cannot get.
  const { lead, leadKind } = summarise(deps.kb.assessor, situation, deps.today());
  if (lead.length === 0 || leadKind === null) return null;
  const role = situation.role;
  const prefix = lang === 'en' ? 'Because you wrote' : role === 'employer' ? 'Fordi I skrev' : 'Fordi du skrev';
  const views = lead.map((o) => {
    const words = o.inputs.map((i) => said[i as keyof Said]).filter((w): w is string => typeof w === 'string');
    const because =
      words.length > 0
        ? `${prefix} ${quoted([...new Set(words)], lang)}.`
        : o.inputs.length > 0
          ? lang === 'da'
            ? o.because
            : o.becauseEn
          : '';
    return {
      heading: deps.replies.text(lang, LEAD_HEADINGS[role][leadKind]),
      text: lang === 'da' ? o.text : o.textEn,
      unsure: o.certainty === 'unverified',
      because,
      citations: o.citations.map((c) => ({ label: c.label, url: c.url, unverified: c.status === 'unverified' })),
    };
  });
  const activity: Partial<Activity> = {
    ...deps.replies.message(lang, 'personal.answer', { ...common(deps, lang), outcomes: views }),
    channelData: { mentorbot: { outcomes: lead.map(outcomeData) } },
  };
  // Whether an outcome rests on something the person wrote (not only on what holds for everyone).
  const fromTheirWords = lead.some((o) => o.inputs.some((i) => said[i as keyof Said] !== undefined));
  return { activity, outcomes: lead, fromTheirWords };
}
