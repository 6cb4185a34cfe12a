/**
 * The browser's Network Information API, which botframework-directlinejs's types name (DirectLineStreaming's
 * options) but TypeScript's DOM library does not have. Declared so the official client's types compile as they are.
 */
interface NetworkInformation extends EventTarget {
  readonly type?: string;
}
