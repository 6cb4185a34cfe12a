import type { Article } from '../knowledge/articles/article.js';
import type { Lang } from '../knowledge/search/normalise.js';
import { isAcknowledgement, isNoneOfThem, sameLabel } from './commands.js';
import { type DialogDeps, checkDeps, common } from './deps.js';
import type { Activity } from './sdk.js';
import { type ChatData, MAX_COUNTED, type Offer } from './state.js';
import type { Reading } from './understand.js';
import { askQuestion } from '../knowledge/answer.js';
import { WEEKS_IN_A_PERIOD, estimateSupport } from '../knowledge/estimate.js';
import { estimateActivity, estimateInput } from './estimate-dialog.js';
import { type CostMention, isCostQuestion, parseCostMention, withFigures } from './input/index.js';

/** The article an estimate given in answer to a question is counted as, for the operators. */
const ESTIMATE_ARTICLE = 'arbejdsgiver-beregning';

/** Only this much of a message is searched; longer texts are letters, and their start says what they are about. */
export const SEARCHED_CHARS = 1000;

/** How a free-text question was met. */
export type AnswerKind = 'article' | 'ambiguous' | 'redirect' | 'none';

export interface AnswerPlan {
  kind: AnswerKind;
  /** The article answered with, for the operators' counts. */
  articleId: string | null;
  activities: Partial<Activity>[];
  /** The article buttons these replies offer; store them so pressing one opens its article. */
  offers: Offer[];
  /** The question waits for the person to say whether they ask as a citizen or an employer. */
  askedAudienceFor?: string;
  /** The figures of the estimate these replies give, kept for a follow-up that changes one of them. */
  cost?: CostMention;
  /** The message only acknowledged the reply ("ok", "nej tak"): not an unanswered question. */
  acknowledged?: true;
}

export type Audience = 'citizen' | 'employer';

/**
 * Answers a free-text question from the knowledge base, with its citations. A button offered earlier (in `offers`)
 * opens its article directly; a clear question gets its article; an unclear one gets "Mente du ...?" with the best
 * alternatives as buttons and "Ingen af dem"; a question about something we do not cover gets a pointer elsewhere.
 * Builds the replies but sends nothing, so a caller can decide what to do with a question it cannot answer.
 */
export class Answerer {
  private readonly deps: DialogDeps;

  constructor(deps: DialogDeps) {
    this.deps = checkDeps('Answerer', deps);
  }

  plan(
    text: string,
    lang: Lang,
    offers: Offer[],
    audience?: Audience,
    reading?: Reading,
    lastCost?: CostMention,
  ): AnswerPlan {
    const { replies } = this.deps;
    const offered = offers.find((o) => sameLabel(text, o.label));
    if (offered) {
      const article = this.deps.kb.articles.find((a) => a.id === offered.articleId);
      if (article)
        return { kind: 'article', articleId: article.id, activities: [this.article(article, lang)], offers: [] };
    }
    const noneOfThese = replies.text(lang, 'buttons.noneOfThese');
    const human = replies.text(lang, 'buttons.human');
    // Employers are "I" (a company), citizens "du".
    const employer = audience === 'employer';
    const alternatives = offers.some((o) => o.alternative);
    if (offers.length > 0 && (sameLabel(text, noneOfThese) || (alternatives && isNoneOfThem(text)))) {
      const key = employer ? 'answer.noneOfTheseEmployer' : 'answer.noneOfThese';
      return { kind: 'none', articleId: null, activities: [replies.message(lang, key, {}, [human])], offers: [] };
    }
    // "Hvad kan vi få dækket, hvis mentoren tjener 230 kr. i timen og bruger 3 timer om ugen i et halvt år?": the
    // estimate at once, when the message holds an hourly amount, hours and a period.
    const said = parseCostMention(text.slice(0, SEARCHED_CHARS), lang);
    // After an estimate, new hours or a new amount change that estimate ("nej, en time om dagen"); the rest is kept.
    const changes = said.hoursPerWeek !== undefined || (said.amount !== undefined && said.perHour === true);
    const cost: CostMention = lastCost && changes ? { ...withFigures(lastCost, said), perHour: true } : said;
    // Without a period, one whole period of 6 months is reckoned, and the reply says so.
    const assumedPeriod = cost.weeks === undefined;
    const full = { ...cost, weeks: cost.weeks ?? WEEKS_IN_A_PERIOD };
    const input = isCostQuestion(cost) ? estimateInput(full) : null;
    if (input) {
      const activity = estimateActivity(this.deps, estimateSupport(input), lang, [human], {
        assumedPeriod,
        ...(cost.monthlyPay !== undefined ? { monthlyPay: cost.monthlyPay } : {}),
      });
      return { kind: 'article', articleId: ESTIMATE_ARTICLE, activities: [activity], offers: [], cost: full };
    }
    const result = askQuestion(this.deps.kb, text.slice(0, SEARCHED_CHARS), {
      date: this.deps.today(),
      lang,
      ...(audience ? { audience } : {}),
      ...(reading ? { kinds: reading.kinds, voice: reading.role } : {}),
      // On a path, or right after articles were offered, a short question is taken to be about mentor support.
      followUp: audience !== undefined || offers.length > 0,
    });
    if (result.status === 'answer') {
      return {
        kind: 'article',
        articleId: result.hits[0]!.article.id,
        activities: [this.article(result.hits[0]!.article, lang)],
        offers: [],
      };
    }
    if (result.audienceTie) {
      // Who asks decides the answer (a citizen's "hvad koster det" or an employer's): ask, then answer.
      const buttons = [replies.text(lang, 'buttons.citizen'), replies.text(lang, 'buttons.employer')];
      return {
        kind: 'ambiguous',
        articleId: null,
        activities: [replies.message(lang, 'answer.whoAsks', {}, buttons)],
        offers: [],
        askedAudienceFor: text,
      };
    }
    if (result.status === 'ambiguous') {
      const choices = result.hits
        .slice(0, 3)
        .map((h): Offer => ({ label: h.article.title[lang], articleId: h.article.id, alternative: true }));
      const buttons = [...choices.map((c) => c.label), noneOfThese];
      const key = employer ? 'answer.ambiguousEmployer' : 'answer.ambiguous';
      return {
        kind: 'ambiguous',
        articleId: null,
        activities: [replies.message(lang, key, {}, buttons)],
        offers: choices,
      };
    }
    if (result.redirect) {
      const activity = replies.message(lang, 'answer.redirect', { answer: result.redirect.answer[lang] }, [human]);
      return { kind: 'redirect', articleId: result.redirect.id, activities: [activity], offers: [] };
    }
    // "ok", "nej tak" after a reply asks nothing: say how to go on, without "Det kan jeg ikke svare på".
    if (isAcknowledgement(text))
      return {
        kind: 'none',
        articleId: null,
        activities: [replies.message(lang, employer ? 'answer.acknowledgedEmployer' : 'answer.acknowledged')],
        offers: [],
        acknowledged: true,
      };
    return {
      kind: 'none',
      articleId: null,
      activities: [replies.message(lang, employer ? 'answer.noneEmployer' : 'answer.none', {}, [human])],
      offers: [],
    };
  }

  /** Keeps what a shown answer leaves for the next turns: an estimate's figures, for a follow-up or an estimate. */
  remember(plan: AnswerPlan, chat: ChatData): void {
    if (plan.cost) chat.lastCost = plan.cost;
  }

  /**
   * Counts a shown answer for the operators (no personal data; an unanswered question is masked by the recorder),
   * and notes a counted unanswered question in the conversation, so "slet mine data" can take it out again.
   */
  record(plan: AnswerPlan, question: string, chat: ChatData): void {
    this.remember(plan, chat);
    if (plan.acknowledged) return;
    const counted = this.deps.record?.({ type: 'answer', kind: plan.kind, articleId: plan.articleId, question });
    if (counted) chat.counted = [...(chat.counted ?? []), counted].slice(-MAX_COUNTED);
  }

  /** An article as a reply: title, answer and the law it rests on (in force today, else as written). */
  article(stored: Article, lang: Lang): Partial<Activity> {
    const { kb, replies } = this.deps;
    const today = this.deps.today();
    // As it must be shown today (from 2027 with the notice of the new act).
    const article = kb.articleOn(stored, today);
    const current = article.citations.filter((id) => kb.registry.inForce(id, today));
    const citations = (current.length > 0 ? current : article.citations).map((id) => {
      const c = kb.registry.citation(id);
      return { label: c.label, url: c.url, unverified: c.status === 'unverified' };
    });
    return replies.message(lang, 'answer.article', {
      ...common(this.deps, lang),
      title: article.title[lang],
      answer: article.answer[lang],
      citations,
    });
  }

  /** The article with this id as an offer (a button labelled with its title), for "læs mere" buttons. */
  offer(articleId: string, lang: Lang): Offer {
    const article = this.deps.kb.articles.find((a) => a.id === articleId);
    if (!article) throw new Error(`Unknown article "${articleId}"`);
    return { label: article.title[lang], articleId };
  }
}
