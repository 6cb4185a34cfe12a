import type { Config } from '../config.js';
import { log } from '../log.js';
import type { BotRuntime } from '../runtime.js';
import type { TurnContext } from '../sdk.js';
import { transcriptOf } from '../transcript.js';
import type { WebChat } from '../webchat/index.js';
import { TeamsEraser } from './eraser.js';
import { HandoffRelay } from './relay.js';
import { type CitizenSender, HandoffService, retryDelayMs } from './service.js';
import { CaseStore } from './store.js';
import { type CaseworkerChannel, TeamsChannel } from './teams.js';
import { withTimeout } from '../timeout.js';
import { danishClosedDays } from './holidays.js';

export interface Handoff {
  service: HandoffService;
  relay: HandoffRelay;
  stop(): void;
}

/**
 * Wires the handoff when a caseworkers' channel is configured: cases in the bot's storage, Teams through the
 * CloudAdapter, citizens reached through the adapter of their channel (the web chat's, or the Bot Connector's).
 * `channel` replaces Teams in tests; `now` fixes the clock. Warns when the configuration lets Teams activities in
 * without Bot Framework authentication (HANDOFF_ALLOW_UNAUTHENTICATED=test).
 */
export function createHandoff(
  config: Config,
  runtime: BotRuntime,
  webchat: WebChat | null,
  options: { channel?: CaseworkerChannel; now?: () => Date; teamsTimeoutMs?: number } = {},
): Handoff | null {
  const settings = config.handoff;
  if (!settings) return null;
  const { parts, adapter } = runtime;
  const appId = config.bot.appId ?? '';
  if (settings.allowUnauthenticated) {
    log.warn(
      'handoff: HANDOFF_ALLOW_UNAUTHENTICATED=test: Teams activities are taken without Bot Framework authentication. ' +
        'For tests only: anyone who reaches /api/messages can act as a caseworker.',
    );
  }
  const channel =
    options.channel ??
    new TeamsChannel(adapter, {
      appId,
      serviceUrl: settings.serviceUrl,
      channelId: settings.channelId,
      tenantId: settings.tenantId,
      ...(options.teamsTimeoutMs ? { timeoutMs: options.teamsTimeoutMs } : {}),
    });
  const toCitizen: CitizenSender = async (reference, activities) => {
    const logic = async (context: TurnContext) => {
      await context.sendActivities(activities);
    };
    const send =
      reference.channelId === 'webchat' && webchat
        ? webchat.adapter.continueConversation(reference, logic)
        : adapter.continueConversationAsync(appId, reference, logic);
    // A slow channel must not hold the caseworker's turn.
    await withTimeout(send, options.teamsTimeoutMs ?? 10_000, "The citizen's channel");
  };
  const store = new CaseStore(parts.storage);
  const now = options.now ?? (() => new Date());
  const service = new HandoffService(
    store,
    channel,
    toCitizen,
    (context) => transcriptOf(parts.transcripts, context),
    parts.deps.replies,
    {
      hours: settings.openingHours,
      holidays: danishClosedDays(settings.holidays),
      timeoutMinutes: settings.timeoutMinutes,
      callbackDays: settings.callbackDays,
      municipality: config.contact.municipality ?? 'kommunen',
    },
    now,
  );
  service.count = (stage) => parts.deps.record?.({ type: 'handoff', stage });
  const scope = {
    tenantId: settings.tenantId,
    channelId: settings.channelId,
    authenticated: runtime.authenticated,
    testMode: settings.allowUnauthenticated,
  };
  const relay = new HandoffRelay(service, scope, new TeamsEraser(store, channel, now, retryDelayMs));
  parts.deps.handoff = service;
  parts.bot.attachHandoff(relay);
  return { service, relay, stop: () => relay.stop() };
}
