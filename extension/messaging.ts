// Typed send/receive helpers over runtime messaging. Receivers validate with a zod parser (messages.ts
// parseMessage in the background and the panel, page-messages.ts parsePageMessage in the content script, which
// thus carries no report schema): anything else is ignored, and the listener answers nothing so that another
// listener of the same context may.
import { browser } from 'wxt/browser';
import type { Message, TabState } from './messages';
import type { ArticleFindings, PageState } from './page-messages';

/** What a `scroll-to-finding` / `set-highlights-visible` (and their content-script forms) resolve with. */
export interface CommandResult {
  ok: boolean;
}

/** Replies by message type; messages absent here resolve with nothing. */
export interface Replies {
  'analyse-tab': TabState;
  'get-tab-state': TabState;
  'scroll-to-finding': CommandResult;
  'set-highlights-visible': CommandResult;
  'run-analysis': PageState;
  'analyse-article': ArticleFindings;
  'may-read': CommandResult;
  'content-scroll-to-finding': CommandResult;
  'content-set-highlights-visible': CommandResult;
}
export type ReplyTo<M extends Message> = M['type'] extends keyof Replies ? Replies[M['type']] : void;

/** Sends to the background (and any open extension page). Rejects when nobody listens. */
export function sendMessage<M extends Message>(message: M): Promise<ReplyTo<M>> {
  return browser.runtime.sendMessage(message) as Promise<ReplyTo<M>>;
}

/** Sends to the content script of a tab's top frame. Rejects when none is injected there. */
export function sendToTab<M extends Message>(tabId: number, message: M): Promise<ReplyTo<M>> {
  return browser.tabs.sendMessage(tabId, message, { frameId: 0 }) as Promise<ReplyTo<M>>;
}

/** Tells open extension pages (the panel); nobody listening is not an error. */
export async function broadcast(message: Message): Promise<void> {
  try {
    await browser.runtime.sendMessage(message);
  } catch {
    // No panel open.
  }
}

export interface MessageSender {
  tab?: { id?: number; url?: string };
  frameId?: number;
  id?: string;
  url?: string;
  /** The sending document (Chrome 106+): the same page even after its address changed in place. */
  documentId?: string;
}

/**
 * Listens for the messages `parse` accepts (it returns null for anything else). `handler` returns a promise for
 * the reply, or undefined to leave the message to another listener. Returns a function that removes the listener.
 */
export function onMessage<M>(parse: (raw: unknown) => M | null, handler: (message: M, sender: MessageSender) => Promise<unknown> | undefined): () => void {
  const listener = (raw: unknown, sender: MessageSender): Promise<unknown> | undefined => {
    // Only our own extension's contexts reach runtime.onMessage; a message from elsewhere is dropped anyway.
    if (sender.id !== undefined && sender.id !== browser.runtime.id) return undefined;
    const message = parse(raw);
    return message ? handler(message, sender) : undefined;
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}
