import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import express from 'express';
import {
  type ChatAction,
  DEFAULT_URL,
  LetterBook,
  chatOptions,
  conversationUpdate,
  describeFailure,
  interpretInput,
  plainText,
  renderTurn,
  userMessage,
} from '../../bot/chat-format.js';
import { listen } from '../helpers.js';

const CLI = fileURLToPath(new URL('../../bot/chat-cli.js', import.meta.url));

describe('terminal chat client', () => {
  describe('rendering', () => {
    it('turns markdown links into "label (url)" and keeps line breaks', () => {
      expect(plainText('Læs [LAB § 167](https://www.retsinformation.dk/eli/lta/2024/280).\r\nNæste linje')).to.equal(
        'Læs LAB § 167 (https://www.retsinformation.dk/eli/lta/2024/280).\nNæste linje',
      );
      expect(plainText('[https://jobnet.dk](https://jobnet.dk) og <https://borger.dk>')).to.equal(
        'https://jobnet.dk og https://borger.dk',
      );
    });

    it('shows each message reply after "Mentorbot:", then the suggested actions as a numbered list', () => {
      const view = renderTurn([
        { type: 'typing' },
        {
          type: 'message',
          text: 'Hej!\nHvem er du?',
          suggestedActions: {
            actions: [
              { type: 'imBack', title: 'Borger', value: 'Jeg er borger' },
              { type: 'imBack', title: 'Arbejdsgiver', value: 'Jeg er arbejdsgiver' },
            ],
          },
        },
        { type: 'event', text: 'not shown' },
      ]);
      expect(view.text).to.equal('Mentorbot: Hej!\n           Hvem er du?\n  a) Borger\n  b) Arbejdsgiver');
      expect(view.actions.map((a) => a.value)).to.deep.equal(['Jeg er borger', 'Jeg er arbejdsgiver']);
    });

    it('shows a hero card title and text, and offers its buttons as actions', () => {
      const view = renderTurn([
        {
          attachments: [
            {
              contentType: 'application/vnd.microsoft.card.hero',
              content: {
                title: 'Mentor',
                text: 'Se [loven](https://x.dk)',
                buttons: [{ type: 'openUrl', title: 'Åbn', value: 'https://x.dk' }],
              },
            },
          ],
        },
      ]);
      expect(view.text).to.equal('Mentorbot: Mentor\n           Se loven (https://x.dk)\n  a) Åbn (https://x.dk)');
      expect(view.actions).to.deep.equal([{ title: 'Åbn', value: 'https://x.dk', kind: 'open' }]);
    });

    it("offers only the last reply's suggested actions, as Web Chat shows them", () => {
      const button = (title: string) => ({ type: 'imBack', title, value: title });
      const view = renderTurn([
        { type: 'message', text: 'Svar', suggestedActions: { actions: [button('Tal med en medarbejder')] } },
        { type: 'message', text: 'Tilbage til mit spørgsmål:' },
        {
          type: 'message',
          text: 'Hvor gammel er du?',
          suggestedActions: { actions: [button('Ved ikke'), button('Tal med en medarbejder')] },
        },
      ]);
      expect(view.actions.map((a) => a.title)).to.deep.equal(['Ved ikke', 'Tal med en medarbejder']);
    });

    it('shows a call button of a card as a link to the number', () => {
      const view = renderTurn([
        {
          attachments: [
            {
              contentType: 'application/vnd.microsoft.card.hero',
              content: {
                title: 'Kontakt kommunen',
                text: 'Telefon: 99 99 99 99',
                buttons: [{ type: 'call', title: 'Ring 99 99 99 99', value: 'tel:+4599999999' }],
              },
            },
          ],
        },
      ]);
      expect(view.text).to.include('a) Ring 99 99 99 99 (tel:+4599999999)');
    });

    it("keeps an action's letter from turn to turn, and gives a new action a letter no recent action holds", () => {
      const act = (title: string): ChatAction => ({ title, value: title, kind: 'send' });
      const book = new LetterBook();
      expect(book.assign([act('Ja'), act('Nej'), act('Ved ikke'), act('Hvorfor spørger du?')])).to.deep.equal([
        'a',
        'b',
        'c',
        'd',
      ]);
      expect(
        book.assign([act('Jeg er ledig'), act('Jeg er sygemeldt'), act('Ved ikke'), act('Hvorfor spørger du?')]),
      ).to.deep.equal(['e', 'f', 'c', 'd']);
      expect(book.assign([act('Ja'), act('Nej'), act('Ved ikke'), act('Hvorfor spørger du?')])).to.deep.equal([
        'a',
        'b',
        'c',
        'd',
      ]);
      const many = book.assign([...'abcdefghijklmnopqrstuvwxyz'].map((l) => act(`valg ${l}`)));
      expect(new Set(many).size).to.equal(26);
      const view = renderTurn(
        [
          {
            type: 'message',
            text: 'x',
            suggestedActions: { actions: [{ type: 'imBack', title: 'Ved ikke', value: 'Ved ikke' }] },
          },
        ],
        book,
      );
      expect(interpretInput(view.keys[0]!, view.actions, view.keys)).to.deep.equal({
        send: 'Ved ikke',
        picked: view.actions[0],
      });
    });

    it('says an attachment it cannot show is there instead of dropping it', () => {
      expect(
        renderTurn([{ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: {} }] }]).text,
      ).to.match(/Vedhæftning af typen application\/vnd\.microsoft\.card\.adaptive/);
    });
  });

  describe('input', () => {
    const actions: ChatAction[] = [
      { title: 'Borger', value: 'Jeg er borger', kind: 'send' },
      { title: 'Loven', value: 'https://x.dk', kind: 'open' },
    ];

    it('sends the value of the action whose letter was typed, in either case', () => {
      expect(interpretInput(' a ', actions)).to.deep.equal({ send: 'Jeg er borger', picked: actions[0] });
      expect(interpretInput('A', actions)).to.deep.equal({ send: 'Jeg er borger', picked: actions[0] });
    });

    it('shows the link of an openUrl action instead of sending it', () => {
      expect(interpretInput('b', actions)).to.deep.equal({ open: 'https://x.dk' });
    });

    it('sends numbers, letters outside the list and text as typed, and ignores an empty line', () => {
      expect(interpretInput('24', actions)).to.deep.equal({ send: '24' });
      expect(interpretInput('1', actions)).to.deep.equal({ send: '1' });
      expect(interpretInput('c', actions)).to.deep.equal({ send: 'c' });
      expect(interpretInput('Jeg er ledig ', actions)).to.deep.equal({ send: 'Jeg er ledig' });
      expect(interpretInput('   ', actions)).to.equal(null);
    });
  });

  describe('settings and messages', () => {
    it("takes the URL from --url, else MENTORBOT_URL, else the server's own PORT and HOST, else 127.0.0.1:3978", () => {
      expect(chatOptions(['--url', 'http://h:1/'], { MENTORBOT_URL: 'http://e:2' })).to.deep.equal({
        url: 'http://h:1',
      });
      expect(chatOptions([], { MENTORBOT_URL: 'http://e:2' })).to.deep.equal({ url: 'http://e:2' });
      expect(chatOptions([], {})).to.deep.equal({ url: DEFAULT_URL });
      expect(chatOptions([], { PORT: '4000' })).to.deep.equal({ url: 'http://127.0.0.1:4000' });
      expect(chatOptions([], { PORT: '4000', HOST: '0.0.0.0' })).to.deep.equal({ url: 'http://127.0.0.1:4000' });
      expect(chatOptions([], { PORT: '4000', HOST: '10.0.0.5' })).to.deep.equal({ url: 'http://10.0.0.5:4000' });
      expect(chatOptions([], { PORT: 'abc' })).to.have.property('error');
      expect(chatOptions(['--bogus'], {})).to.have.property('error');
    });

    it('explains each failure in Danish first, then English', () => {
      expect(describeFailure({ kind: 'unreachable', url: 'http://localhost:3978' })).to.match(
        /^Kan ikke få forbindelse.*npm start.*\nCannot reach/s,
      );
      expect(describeFailure({ kind: 'unauthorized' })).to.match(
        /^Serveren afviste.*MicrosoftAppId.*\nThe server refused/s,
      );
      expect(describeFailure({ kind: 'status', status: 500, body: 'x'.repeat(500) })).to.match(
        /^Serveren svarede med status 500: x{200}…\n/,
      );
    });

    it('builds a conversationUpdate and messages that ask for the replies in the HTTP answer', () => {
      const session = { conversationId: 'c1', userId: 'user-1' };
      const now = new Date('2026-11-22T10:00:00Z');
      expect(conversationUpdate(session, 'a1', now)).to.include({
        type: 'conversationUpdate',
        deliveryMode: 'expectReplies',
        locale: 'da-DK',
      });
      expect(conversationUpdate(session, 'a1', now).membersAdded).to.deep.equal([{ id: 'user-1' }]);
      const message = userMessage(session, 'a2', 'hej', now);
      expect(message).to.deep.include({
        type: 'message',
        text: 'hej',
        conversation: { id: 'c1' },
        from: { id: 'user-1', role: 'user' },
      });
      expect(message.timestamp).to.equal('2026-11-22T10:00:00.000Z');
    });
  });

  describe('as a program with piped input', () => {
    function run(url: string, input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
      return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [CLI, '--url', url], {
          stdio: ['pipe', 'pipe', 'pipe'],
          env: { ...process.env, MENTORBOT_URL: '' },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
        child.stdin.end(input);
      });
    }

    it('plays a conversation against a fake bot: welcome, a picked action, typed text, then /quit', async () => {
      const received: { type: string; text?: string; conversation: { id: string }; deliveryMode: string }[] = [];
      const app = express();
      app.use(express.json());
      app.post('/api/messages', (req, res) => {
        received.push(req.body);
        if (req.body.type === 'conversationUpdate') {
          res.json({
            activities: [
              { type: 'typing' },
              {
                type: 'message',
                text: 'Velkommen!',
                suggestedActions: {
                  actions: [
                    { type: 'imBack', title: 'Borger', value: 'Jeg er borger' },
                    { type: 'imBack', title: 'Arbejdsgiver', value: 'Jeg er arbejdsgiver' },
                  ],
                },
              },
            ],
          });
        } else {
          res.json({
            activities: [{ type: 'message', text: `Du skrev: ${req.body.text}. Se [loven](https://x.dk).` }],
          });
        }
      });
      const fake = await listen(app);
      try {
        const { code, stdout, stderr } = await run(fake.url, 'b\n\nhvad er frikøb?\n/quit\nsendes ikke\n');
        expect(stderr).to.equal('');
        expect(code).to.equal(0);
        expect(stdout).to.equal(
          [
            'Mentorbot: Velkommen!',
            '  a) Borger',
            '  b) Arbejdsgiver',
            'Du: b',
            '  → Jeg er arbejdsgiver',
            'Mentorbot: Du skrev: Jeg er arbejdsgiver. Se loven (https://x.dk).',
            'Du: hvad er frikøb?',
            'Mentorbot: Du skrev: hvad er frikøb?. Se loven (https://x.dk).',
            '',
          ].join('\n'),
        );
        expect(received.map((a) => [a.type, a.text])).to.deep.equal([
          ['conversationUpdate', undefined],
          ['message', 'Jeg er arbejdsgiver'],
          ['message', 'hvad er frikøb?'],
        ]);
        expect(new Set(received.map((a) => a.conversation.id)).size).to.equal(1);
        expect(received.every((a) => a.deliveryMode === 'expectReplies')).to.equal(true);
      } finally {
        await fake.close();
      }
    });

    it('tells the user to run npm start when no server answers, without a stack trace, and exits 1', async () => {
      const closed = await listen(express());
      await closed.close();
      const { code, stdout, stderr } = await run(closed.url, 'hej\n');
      expect(code).to.equal(1);
      expect(stdout).to.equal('');
      expect(stderr).to.match(
        /^Kan ikke få forbindelse til Mentorbot på http:\/\/127\.0\.0\.1:\d+\. Start serveren først med `npm start`/,
      );
      expect(stderr).to.not.match(/\bat .*\.js:\d+/);
    });

    it('explains a 401 as a server that only accepts Bot Framework traffic', async () => {
      const app = express();
      app.post('/api/messages', (_req, res) => {
        res.status(401).send('Unauthorized');
      });
      const fake = await listen(app);
      try {
        const { code, stderr } = await run(fake.url, '');
        expect(code).to.equal(1);
        expect(stderr).to.match(/MicrosoftAppId.*Bot Framework/);
        expect(stderr).to.not.match(/\bat .*\.js:\d+/);
      } finally {
        await fake.close();
      }
    });
  });
});
