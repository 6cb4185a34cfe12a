import { expect } from 'chai';
import { type Activity, TestAdapter, type TurnContext } from 'botbuilder';
import { CPR_REMOVED, MAX_VALUE_DEPTH, PrivacyMiddleware } from '../../bot/privacy/privacy-middleware.js';
import { CPR_MASK } from '../../bot/privacy/cpr.js';

/** Runs one activity through the privacy guard and returns what the bot logic then saw. */
async function through(activity: Partial<Activity>): Promise<{ activity: Partial<Activity>; flagged: unknown }> {
  let seen: { activity: Partial<Activity>; flagged: unknown } | undefined;
  const adapter = new TestAdapter(async (context: TurnContext) => {
    seen = { activity: { ...context.activity }, flagged: context.turnState.get(CPR_REMOVED) };
  });
  adapter.use(new PrivacyMiddleware());
  await adapter.receiveActivity(activity);
  return seen!;
}

describe('privacy guard', () => {
  it('replaces a CPR number in the text before the bot sees it, and flags the turn', async () => {
    const { activity, flagged } = await through({ type: 'message', text: 'mit cpr er 010190-1234 tak' });
    expect(activity.text).to.equal(`mit cpr er ${CPR_MASK} tak`);
    expect(flagged).to.equal(1);
  });

  it('replaces CPR numbers inside submitted card values, however deep', async () => {
    const { activity, flagged } = await through({
      type: 'message',
      value: { note: '0101901234', more: ['x 010190 1234'] },
    });
    expect(activity.value).to.deep.equal({ note: CPR_MASK, more: [`x ${CPR_MASK}`] });
    expect(flagged).to.equal(2);
  });

  it('replaces CPR numbers in every field that is stored or shown: names, attachments, speak and summary', async () => {
    const cpr = '010190-1234';
    const { activity, flagged } = await through({
      type: 'message',
      text: `cpr ${cpr}`,
      speak: cpr,
      summary: `om ${cpr}`,
      from: { id: 'u', name: `Søren ${cpr}` },
      recipient: { id: 'bot', name: cpr },
      conversation: { id: 'c', name: `Samtale ${cpr}`, isGroup: false, conversationType: 'personal' },
      membersAdded: [{ id: 'u', name: cpr }],
      attachments: [
        { contentType: 'text/plain', name: `${cpr}.txt`, content: `mit cpr er ${cpr}` },
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: { body: [{ type: 'TextBlock', text: cpr }] },
        },
      ],
    });
    const M = CPR_MASK;
    expect(activity.text).to.equal(`cpr ${M}`);
    expect(activity.speak).to.equal(M);
    expect(activity.summary).to.equal(`om ${M}`);
    expect(activity.from).to.deep.equal({ id: 'u', name: `Søren ${M}` });
    expect(activity.recipient).to.deep.equal({ id: 'bot', name: M });
    expect(activity.conversation).to.deep.include({ id: 'c', name: `Samtale ${M}` });
    expect(activity.membersAdded).to.deep.equal([{ id: 'u', name: M }]);
    expect(activity.attachments).to.deep.equal([
      { contentType: 'text/plain', name: `${M}.txt`, content: `mit cpr er ${M}` },
      { contentType: 'application/vnd.microsoft.card.adaptive', content: { body: [{ type: 'TextBlock', text: M }] } },
    ]);
    expect(flagged).to.equal(10);
  });

  it('replaces CPR numbers in the keys of a submitted value, and keeps the keys in order', async () => {
    const { activity } = await through({ type: 'message', value: { b: 1, '0101901234': 'x', a: [null, true, 2] } });
    expect(Object.keys(activity.value as object)).to.deep.equal(['b', CPR_MASK, 'a']);
    expect(activity.value).to.deep.equal({ b: 1, [CPR_MASK]: 'x', a: [null, true, 2] });
  });

  it('masks a value nested 4,000 deep without overflowing the stack, dropping what lies deeper than it may', async () => {
    let deep: unknown = '0101901234';
    for (let i = 0; i < 4_000; i++) deep = i % 2 ? { note: '010190-1234', next: deep } : [deep];
    const { activity, flagged } = await through({ type: 'message', value: deep });
    let node = activity.value;
    let depth = 0;
    while (node !== null && typeof node === 'object') {
      if (!Array.isArray(node)) expect((node as { note: string }).note).to.equal(CPR_MASK);
      node = Array.isArray(node) ? node[0] : (node as { next: unknown }).next;
      depth++;
    }
    expect(node).to.equal(null);
    expect(depth).to.equal(MAX_VALUE_DEPTH);
    expect(flagged).to.equal(MAX_VALUE_DEPTH / 2);
    expect(() => JSON.stringify(activity.value)).not.to.throw();
  });

  it('masks a value nested 4,000 deep as a JSON body, as a channel would post it', async () => {
    const body = `${'{"a":'.repeat(4_000)}"0101901234"${'}'.repeat(4_000)}`;
    const { activity } = await through({ type: 'message', value: JSON.parse(body) as unknown });
    expect(JSON.stringify(activity.value)).to.equal(
      `${'{"a":'.repeat(MAX_VALUE_DEPTH)}null${'}'.repeat(MAX_VALUE_DEPTH)}`,
    );
  });

  it('masks the names on activities other than messages too, without flagging the turn', async () => {
    const { activity, flagged } = await through({
      type: 'conversationUpdate',
      from: { id: 'u', name: '0101901234' },
      membersAdded: [{ id: 'u', name: '0101901234' }],
    });
    expect(activity.from!.name).to.equal(CPR_MASK);
    expect(activity.membersAdded).to.deep.equal([{ id: 'u', name: CPR_MASK }]);
    expect(flagged).to.equal(undefined);
  });

  it('leaves a message without a CPR number as it was, and does not flag it', async () => {
    const { activity, flagged } = await through({ type: 'message', text: 'Ring på 12 34 56 78, jeg er 24 år' });
    expect(activity.text).to.equal('Ring på 12 34 56 78, jeg er 24 år');
    expect(flagged).to.equal(undefined);
  });
});
