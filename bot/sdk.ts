/**
 * The one place bot/ imports the Bot Framework SDK (botbuilder 4.23.3, out of support since 31 December 2025).
 * Only APIs the Microsoft 365 Agents SDK maps directly are used (CloudAdapter.process, ActivityHandler, the state
 * classes, the Storage interface, Middleware), so a move to that SDK changes this file and few others.
 */
export {
  ActivityHandler,
  BotAdapter,
  TurnContext as TurnContextClass,
  type ConversationReference,
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  BotState,
  ConversationState,
  EventFactory,
  MemoryStorage,
  UserState,
  type Activity,
  type Middleware,
  type ResourceResponse,
  type StatePropertyAccessor,
  type Storage,
  type StoreItem,
  type StoreItems,
  type TurnContext,
  type InvokeResponse,
} from 'botbuilder';
export type { AuthenticateRequestResult } from 'botframework-connector';
