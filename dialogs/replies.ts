import type { Lang } from '../knowledge/search/normalise.js';
import { type Activity, ActivityTypes } from './sdk.js';
import type { TemplateKey } from './template-keys.js';
import type { Templates } from './templates.js';

/**
 * Builds reply activities from templates. The text and every button label come from dialogs/templates; buttons
 * are suggested actions of type imBack, so pressing one sends its label as the person's next message.
 */
export class Replies {
  constructor(private readonly templates: Templates) {
    if (!templates) throw new Error('Replies needs the templates');
  }

  text(lang: Lang, key: TemplateKey, data: object = {}): string {
    return this.templates.render(lang, key, data);
  }

  /** A Markdown message; `buttons` are ready labels (from `text` or article titles). */
  message(lang: Lang, key: TemplateKey, data: object = {}, buttons: string[] = []): Partial<Activity> {
    return this.plain(lang, this.text(lang, key, data), buttons);
  }

  /** A message from already rendered text (for texts joined from several templates or taken from articles). */
  plain(lang: Lang, text: string, buttons: string[] = []): Partial<Activity> {
    const activity: Partial<Activity> = {
      type: ActivityTypes.Message,
      text,
      textFormat: 'markdown',
      locale: lang === 'da' ? 'da-DK' : 'en-GB',
    };
    if (buttons.length > 0) {
      activity.suggestedActions = {
        to: [],
        actions: [...new Set(buttons)].map((label) => ({ type: 'imBack', title: label, value: label })),
      };
      activity.inputHint = 'expectingInput';
    }
    return activity;
  }
}
