import { expect } from 'chai';
import {
  type CaseCardData,
  MAX_CARD_BYTES,
  MAX_LINE_CHARS,
  caseCard,
  caseCardAttachment,
} from '../../../bot/handoff/case-card.js';

function caseData(changes: Partial<CaseCardData> = {}): CaseCardData {
  return {
    caseId: 'c-1234',
    status: 'waiting',
    situation: [
      { label: 'Situation', value: 'Ledig' },
      { label: 'Ydelse', value: 'Dagpenge' },
    ],
    outcomes: [
      {
        text: 'Du kan få en mentor, hvis kommunen vurderer, at du har brug for det.',
        citations: [{ label: 'LAB § 167, stk. 1', url: 'https://www.retsinformation.dk/eli/lta/2024/280' }],
      },
    ],
    question: 'Kan min mentor hjælpe med at finde praktik?',
    transcript: [
      { from: 'bot', text: 'Hej! Jeg er Mentorbot.', at: '2026-11-23T09:00:00Z' },
      { from: 'user', text: 'Jeg er ledig', at: '2026-11-23T09:00:10Z' },
      { from: 'user', text: 'Tal med en medarbejder', at: '2026-11-23T09:01:00Z' },
    ],
    createdAt: '2026-11-23T09:01:00Z',
    claimedBy: null,
    note: null,
    ...changes,
  };
}

type Element = Record<string, unknown>;

/** Every element of the card body, containers opened, in reading order. */
function elements(card: Record<string, unknown>): Element[] {
  const out: Element[] = [];
  const walk = (items: unknown) => {
    for (const item of (items as Element[] | undefined) ?? []) {
      out.push(item);
      walk(item.items);
    }
  };
  walk(card.body);
  return out;
}

/** What Markdown shows of an escaped text: the escaped characters without their backslashes. */
const shown = (markdown: string) => markdown.replace(/\\([^\w\s])/g, '$1');

/**
 * The card's visible text, one entry per TextBlock, FactSet fact or RichTextBlock (its runs joined). TextBlocks and
 * facts are Markdown in Teams, so their backslash escapes do not show; TextRuns are shown as they are.
 */
function texts(card: Record<string, unknown>): string[] {
  return elements(card).flatMap((e) => {
    if (e.type === 'TextBlock') return [shown(e.text as string)];
    if (e.type === 'FactSet')
      return (e.facts as { title: string; value: string }[]).map((f) => `${shown(f.title)}: ${shown(f.value)}`);
    if (e.type === 'RichTextBlock') return [(e.inlines as { text: string }[]).map((r) => r.text).join('')];
    return [];
  });
}

const actions = (card: Record<string, unknown>) =>
  card.actions as { type: string; title: string; data: Record<string, string> }[];
const transcriptLines = (card: Record<string, unknown>) => texts(card).filter((t) => /^(Borger|Mentorbot): /.test(t));

describe('the caseworker card', () => {
  it('is an Adaptive Card 1.5 with a header and the time in Danish time', () => {
    const card = caseCard(caseData());
    expect(card).to.include({ type: 'AdaptiveCard', version: '1.5' });
    expect(texts(card)[0]).to.equal('Ny henvendelse fra Mentorbot');
    expect(texts(card)[1]).to.equal('23. november 2026 kl. 10.01 · sag c-1234');
  });

  it('shows the situation as facts, the outcomes with their citations as Markdown links, and the question', () => {
    const card = caseCard(caseData());
    const facts = elements(card).find((e) => e.type === 'FactSet')!.facts;
    expect(facts).to.deep.equal([
      { title: 'Situation', value: 'Ledig' },
      { title: 'Ydelse', value: 'Dagpenge' },
    ]);
    expect(texts(card)).to.include('Du kan få en mentor, hvis kommunen vurderer, at du har brug for det.');
    expect(texts(card)).to.include('[LAB § 167, stk. 1](https://www.retsinformation.dk/eli/lta/2024/280)');
    expect(texts(card)).to.include('Kan min mentor hjælpe med at finde praktik?');
  });

  it('shows the conversation oldest first, each line after "Borger:" or "Mentorbot:"', () => {
    expect(transcriptLines(caseCard(caseData()))).to.deep.equal([
      'Mentorbot: Hej! Jeg er Mentorbot.',
      'Borger: Jeg er ledig',
      'Borger: Tal med en medarbejder',
    ]);
  });

  it("shows the bot's Markdown links as their labels", () => {
    const transcript: CaseCardData['transcript'] = [
      { from: 'bot', text: 'Det står i **[LAB § 167](https://x.dk/167)**.', at: '' },
    ];
    expect(transcriptLines(caseCard(caseData({ transcript })))).to.deep.equal(['Mentorbot: Det står i LAB § 167.']);
  });

  const statuses: [CaseCardData['status'], string | null, string, [string, string][]][] = [
    [
      'waiting',
      null,
      'Status: Venter',
      [
        ['Overtag samtalen', 'claim'],
        ['Afvis', 'decline'],
      ],
    ],
    ['claimed', 'Birgitte Nørgaard', 'Status: Overtaget af Birgitte Nørgaard', [['Afslut', 'end']]],
    ['claimed', null, 'Status: Overtaget', [['Afslut', 'end']]],
    ['ended', 'Birgitte Nørgaard', 'Status: Afsluttet', []],
    ['declined', null, 'Status: Afvist', []],
    ['callback', null, 'Status: Ønsker opkald', []],
  ];
  for (const [status, claimedBy, statusText, expected] of statuses) {
    it(`says "${statusText}" and offers ${expected.length ? expected.map(([t]) => `"${t}"`).join(' and ') : 'no action'} when ${status}`, () => {
      const card = caseCard(caseData({ status, claimedBy }));
      expect(texts(card)).to.include(statusText);
      expect(actions(card).map((a) => [a.title, a.data.mentorbot])).to.deep.equal(expected);
      for (const a of actions(card)) {
        expect(a.type).to.equal('Action.Submit');
        expect(a.data).to.deep.equal({ mentorbot: a.data.mentorbot, caseId: 'c-1234' });
      }
    });
  }

  it('shows the note when there is one', () => {
    const note = 'Uden for åbningstid: borgeren har bedt om at blive ringet op.';
    expect(texts(caseCard(caseData({ note, status: 'callback' })))).to.include(note);
  });

  const variants: [string, Partial<CaseCardData>][] = [
    ['typical data', {}],
    ['a claimed case with a note', { status: 'claimed', claimedBy: 'Ib', note: 'Ring efter kl. 12.' }],
    ['no situation, outcomes, question or conversation', { situation: [], outcomes: [], question: '', transcript: [] }],
    ['an outcome without citations', { outcomes: [{ text: 'Godt at vide.', citations: [] }] }],
    ['a time that is not a time', { createdAt: 'i går' }],
  ];
  for (const [name, changes] of variants) {
    it(`leaves no template expression in the card for ${name}`, () => {
      expect(JSON.stringify(caseCard(caseData(changes)))).not.to.include('${');
    });
  }

  it('never evaluates what the citizen or the data holds as a template expression', () => {
    const typed = '${caseId} ${string(1+1)} ${$root}';
    const card = caseCard(
      caseData({
        question: typed,
        situation: [{ label: '${label}', value: typed }],
        outcomes: [{ text: typed, citations: [{ label: typed, url: 'https://x.dk/${caseId}' }] }],
        transcript: [{ from: 'user', text: typed, at: '' }],
        claimedBy: '${claimedBy}',
        status: 'claimed',
        note: typed,
      }),
    );
    expect(texts(card)).to.include(typed, 'question');
    expect(texts(card)).to.include(`Borger: ${typed}`);
    expect(texts(card)).to.include(`\${label}: ${typed}`);
    expect(texts(card)).to.include('Status: Overtaget af ${claimedBy}');
    expect(JSON.stringify(card)).not.to.include('c-1234 c-1234').and.not.to.include('"2"');
  });

  it('lets nothing from the case render as a link, markup or mention: TextBlocks and facts escape it, TextRuns are plain', () => {
    // Teams renders Markdown in TextBlock and in a fact's title and value; a TextRun is shown as it is.
    const phishing = [
      '[Klik her](https://evil.example)',
      "<a href='https://evil.example'>login</a>",
      '**VIGTIGT**',
      '<at>Alle</at>',
      'www.evil.example',
    ];
    for (const text of phishing) {
      const card = caseCard(
        caseData({
          question: text,
          situation: [{ label: text, value: text }],
          transcript: [{ from: 'user', text, at: '' }],
          claimedBy: text,
          status: 'claimed',
          note: text,
        }),
      );
      const rendered = elements(card).flatMap((e) => {
        if (e.type === 'TextBlock') return [e.text as string];
        if (e.type === 'FactSet')
          return (e.facts as { title: string; value: string }[]).flatMap((f) => [f.title, f.value]);
        return [];
      });
      for (const t of rendered) {
        expect(t, text).not.to.include(text);
        // Nothing of it unescaped: no link, tag, emphasis, mention or bare address that Markdown would render.
        expect(t, text).not.to.match(/\]\(https:\/\/evil|(?<!\\)<a |\*\*VIGTIGT|<at>|www\.evil/);
      }
      expect(texts(card), text).to.include(text, 'the question, in a TextRun');
      expect(texts(card), text).to.include(`Borger: ${text}`);
      // Escaped, not removed: Markdown shows the caseworker's name, the situation and the note as they are.
      expect(texts(card), text).to.include(`Status: Overtaget af ${text}`).and.to.include(`${text}: ${text}`);
    }
  });

  it('masks a CPR number, an e-mail address and a phone number in the conversation and the question again', () => {
    const leaks = 'Mit cpr er 010190-1234, mail anne@kommune.dk, tlf 12 34 56 78';
    const card = caseCard(
      caseData({
        question: leaks,
        transcript: [
          { from: 'user', text: leaks, at: '' },
          { from: 'bot', text: 'Ring 0101901234', at: '' },
        ],
      }),
    );
    const json = JSON.stringify(card);
    for (const secret of ['010190', '0101901234', 'anne@kommune.dk', '12 34 56 78'])
      expect(json).not.to.include(secret);
    expect(json).to.include('[CPR-nummer fjernet]');
  });

  it('masks a CPR number before cutting a long line, so no part of it is left', () => {
    const text = `${'a'.repeat(MAX_LINE_CHARS - 6)} 010190-1234`;
    expect(JSON.stringify(caseCard(caseData({ transcript: [{ from: 'user', text, at: '' }] })))).not.to.match(/0101/);
  });

  it('shows the last 20 lines and says how many earlier ones are left out', () => {
    const transcript = Array.from({ length: 25 }, (_, i) => ({
      from: 'user' as const,
      text: `besked ${i + 1}`,
      at: '',
    }));
    const card = caseCard(caseData({ transcript }));
    const lines = transcriptLines(card);
    expect(lines).to.have.length(20);
    expect(lines[0]).to.equal('Borger: besked 6');
    expect(lines[19]).to.equal('Borger: besked 25');
    expect(texts(card)).to.include('5 tidligere beskeder er ikke vist.');
  });

  it(`cuts a line longer than ${MAX_LINE_CHARS} characters with "…"`, () => {
    const card = caseCard(caseData({ transcript: [{ from: 'user', text: 'æ'.repeat(500), at: '' }] }));
    const [line] = transcriptLines(card);
    const text = line!.slice('Borger: '.length);
    expect(Array.from(text)).to.have.length(MAX_LINE_CHARS);
    expect(text.endsWith('…')).to.equal(true);
  });

  it(`keeps a card with a long conversation within ${MAX_CARD_BYTES} bytes by leaving out the oldest lines`, () => {
    const transcript = Array.from({ length: 200 }, (_, i) => ({
      from: 'user' as const,
      text: `${i + 1} ${'🙂'.repeat(400)}`,
      at: '',
    }));
    const card = caseCard(caseData({ transcript }));
    expect(Buffer.byteLength(JSON.stringify(card), 'utf8')).to.be.at.most(MAX_CARD_BYTES);
    const lines = transcriptLines(card);
    expect(lines.length).to.be.within(1, 19);
    expect(lines.at(-1)).to.match(/^Borger: 200 🙂/);
    expect(texts(card)).to.include(`${200 - lines.length} tidligere beskeder er ikke vist.`);
  });

  it('refuses a card that is too large even without the conversation', () => {
    const outcomes = [{ text: 'x'.repeat(MAX_CARD_BYTES), citations: [] }];
    expect(() => caseCard(caseData({ outcomes }))).to.throw(
      Error,
      /case card for c-1234 takes \d+ bytes without the conversation/,
    );
  });

  it('wraps the card as an Adaptive Card attachment', () => {
    const attachment = caseCardAttachment(caseData());
    expect(attachment.contentType).to.equal('application/vnd.microsoft.card.adaptive');
    expect(attachment.content).to.deep.equal(caseCard(caseData()));
  });
});
