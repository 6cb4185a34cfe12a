import { expect } from 'chai';
import { type Activity, TestAdapter, type TurnContext } from 'botbuilder';
import { CPR_REMOVED, PrivacyMiddleware } from '../../bot/privacy/privacy-middleware.js';
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
    const { activity, flagged } = await through({ type: 'message', value: { note: '0101901234', more: ['x 010190 1234'] } });
    expect(activity.value).to.deep.equal({ note: CPR_MASK, more: [`x ${CPR_MASK}`] });
    expect(flagged).to.equal(2);
  });

  it('leaves a message without a CPR number as it was, and does not flag it', async () => {
    const { activity, flagged } = await through({ type: 'message', text: 'Ring på 12 34 56 78, jeg er 24 år' });
    expect(activity.text).to.equal('Ring på 12 34 56 78, jeg er 24 år');
    expect(flagged).to.equal(undefined);
  });
});
