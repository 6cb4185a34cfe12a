/**
 * The one place dialogs/ imports the Bot Framework SDK (botbuilder 4.23.3, out of support since 31 December 2025).
 * Only APIs that the Microsoft 365 Agents SDK maps directly are used here (ComponentDialog, WaterfallDialog, Dialog,
 * DialogContext, state property accessors), so a move to that SDK changes this file and little else.
 */
export {
  ComponentDialog,
  Dialog,
  DialogSet,
  DialogTurnStatus,
  WaterfallDialog,
  type DialogContext,
  type DialogReason,
  type DialogState,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
export {
  ActionTypes,
  ActivityTypes,
  MessageFactory,
  type Activity,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
