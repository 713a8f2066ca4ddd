/**
 * A chat the platform says is gone for good (deleted: Telegram "chat not found", Discord 10003 Unknown
 * Channel; the adapters' classifiers decide which answers mean that). Its subscriptions would keep it
 * paused for ever, every later note adding a post for it, with no chat left to send /unsubscribe from
 * (issue 25, tester 28-1 F2): they go, as an operator's `notecast unsubscribe <chat>` removes them, and
 * `status` lists the chat under "chats forgotten". If the chat does exist after all, /subscribe there
 * makes a new subscription.
 */
import { errorText } from '../errors.js';
import type { ChatAdapter, FailureClass } from './port.js';
import { recordForgottenChat } from '../store/chats-forgotten.js';
import { targetKey, type Target } from '../store/types.js';
import { forgetChat, type ChatWantsDeps } from './chat-wants.js';

export function forgetGoneChat(d: ChatWantsDeps, target: Target, why: string): void {
  try {
    d.store.transaction(() => {
      const f = forgetChat(d, target);
      if (!f.subscriptions && !f.calledOff) {
        // Only a config route names it: the config is the operator's to change (the chat stays paused, `status` says why).
        d.log.error({ target: targetKey(f.target), reason: why }, 'chat gone for good, and a config route names it: remove the route from the config');
        return;
      }
      recordForgottenChat(d.store, { chat: targetKey(f.target), why, at: Date.now(), subscriptions: f.subscriptions, calledOff: f.calledOff });
      const still = f.routed ? '; a config route still names it: remove the route (its posts wait, paused, until then)' : '';
      d.log.error(
        { target: targetKey(f.target), reason: why, subscriptions: f.subscriptions, calledOff: f.calledOff },
        `chat gone for good: its subscriptions are removed and what waited for it is called off${still} (if it does exist, /subscribe there again)`,
      );
    });
  } catch (e) {
    // The chat stays paused, as before: `notecast unsubscribe` forgets it by hand.
    d.log.error({ target: targetKey(target), reason: why, err: errorText(e) }, 'chat gone for good, but its subscriptions could not be removed; it stays paused');
  }
}

/**
 * A send's answer that the chat is gone, checked before the chat is forgotten (ChatAdapter.confirmGone): forgetting
 * drops its subscriptions for good, and Telegram has answered "chat not found" for live chats (tdlib/telegram-bot-api#159).
 * When the check shows the chat, or gives no answer, the send is a transient failure of this post (an attempt spent).
 */
export async function confirmedChatGone(adapter: ChatAdapter, target: Target, f: FailureClass, timeoutMs: number): Promise<FailureClass> {
  if (f.kind !== 'permanent' || !f.chatGone || !adapter.confirmGone) return f;
  let why: string;
  try {
    if (await adapter.confirmGone(target, f.reason, AbortSignal.timeout(timeoutMs))) return f;
    why = `${adapter.platform} still shows the chat`;
  } catch (e) {
    why = `asking ${adapter.platform} whether the chat exists failed (${errorText(e)})`;
  }
  return { kind: 'transient', reason: `${f.reason}, yet ${why}: retried as this post's failure, the chat kept` };
}
