import type { HandoffCase } from './case.js';

/** What a deleted call-back number leaves in the case's texts. */
export const PHONE_DELETED = '[telefonnummer slettet]';

/**
 * Every way of writing this Danish number that a person types: its 8 digits in order with up to 3 characters of
 * anything but a digit between them ("12 34 5678", "12.34.56.78", "1234-5678", "12 – 34 – 56 – 78", no-break or thin
 * spaces), with or without +45 or 0045 in front ("+45 12 34 56 78", "(+45) 1234 5678"). Not part of a longer run of
 * digits: "112345678" and "123456789" are other numbers. Digits of other scripts are not matched (the privacy guard
 * folds them before anything is stored).
 */
export function phonePattern(phone: string): RegExp {
  const digits = phone.replace(/\D/g, '').replace(/^(?:45|0045)(?=\d{8}$)/, '');
  const between = '\\D{0,3}';
  return new RegExp(`(?<!\\d)(?:\\(?(?:\\+|00)45${between})?${[...digits].join(between)}(?!\\d)`, 'g');
}

/**
 * The case with its call-back number gone: from the call-back itself and from every text of the case that a
 * citizen's words reach (the question, the conversation, the messages waiting for Teams, the note), in any form.
 */
export function withoutPhone(c: HandoffCase): HandoffCase {
  if (!c.callback?.phone) return c;
  const pattern = phonePattern(c.callback.phone);
  const erase = (text: string) => text.replace(pattern, PHONE_DELETED);
  return {
    ...c,
    question: erase(c.question),
    transcript: c.transcript.map((line) => ({ ...line, text: erase(line.text) })),
    pendingRelay: c.pendingRelay.map(erase),
    note: c.note === null ? null : erase(c.note),
    callback: { ...c.callback, phone: '' },
  };
}

/**
 * The case after "slet mine data": closed, and nothing of what the citizen shared is left in it. The ids of the
 * messages relayed to Teams stay until the case is deleted, so they can be deleted in Teams too.
 */
export function forgotten(c: HandoffCase): HandoffCase {
  return {
    ...c,
    status: c.status === 'declined' ? c.status : 'ended',
    situation: [],
    outcomes: [],
    question: '',
    transcript: [],
    pendingRelay: [],
    callback: null,
    note: 'Borgeren har bedt om at få sine data slettet.',
  };
}
