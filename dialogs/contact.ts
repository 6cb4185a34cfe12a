import type { Lang } from '../knowledge/search/normalise.js';
import { type DialogDeps, contactView, telUri } from './deps.js';
import { ActionTypes, type Activity } from './sdk.js';

export const HERO_CARD = 'application/vnd.microsoft.card.hero';

/**
 * How to reach a person, always: a short text, and a hero card with the municipality's phone (a tel: call button),
 * the phone's opening hours and its contact page, from configuration. Without a phone or a contact page there is no
 * card, and the text says to contact the municipality as it describes on its website. The text holds no number, so a
 * channel that shows the card does not show it twice; one that cannot show cards falls back on the card's text.
 */
export function contactActivity(deps: DialogDeps, lang: Lang): Partial<Activity> {
  const { replies } = deps;
  const view = contactView(deps, lang);
  const activity = replies.message(lang, 'human.contact', view);
  if (!view.card) return activity;
  const lines = [
    ...(view.phone ? [replies.text(lang, 'human.cardPhone', view)] : []),
    ...(view.phone && view.hours ? [replies.text(lang, 'human.cardHours', view)] : []),
  ];
  const buttons = [
    ...(view.phone
      ? [{ type: ActionTypes.Call, title: replies.text(lang, 'buttons.call', view), value: telUri(view.phone) }]
      : []),
    ...(view.url
      ? [{ type: ActionTypes.OpenUrl, title: replies.text(lang, 'buttons.contactPage'), value: view.url }]
      : []),
  ];
  return {
    ...activity,
    attachments: [
      {
        contentType: HERO_CARD,
        content: { title: replies.text(lang, 'human.cardTitle', view), text: lines.join('\n\n'), buttons },
      },
    ],
  };
}
