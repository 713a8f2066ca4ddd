/** The console adapter: prints what would be posted. It needs no token and never fails. */
import type { ChatAdapter, FailureClass, OutgoingMessage, SendContext } from '../../publish/port.js';
import type { Target } from '../../store/types.js';
import { targetKey } from '../../store/types.js';
import { renderPlainText } from '../../render/text.js';
import { renderPlainDigest } from '../../render/digest.js';
import { FAMILY_PREFIX } from '../../publish/family.js';
import { DIGEST_PREFIX } from '../../publish/digest-lines.js';
import { errorText } from '../../errors.js';

export interface ConsoleAdapterOptions {
  json: boolean;
  delayMs?: number;
  write: (line: string) => void;
}

function text(m: OutgoingMessage): string {
  return m.type === 'summary' ? renderPlainText(m.summary, m.alsoIn) : renderPlainDigest(m.items);
}

/**
 * One `start --json` delivery event, every field always present (README's table is the contract):
 * `noteId` is the note shown (null for a digest, and for the delete of a family's message, which
 * shows none by then); `family` is the translation family's key when translations are grouped
 * (a lone note is a family of one), else null.
 */
function jsonEvent(event: string, target: Target, ctx: SendContext, messageId: string, body: string, message?: OutgoingMessage) {
  const family = ctx.noteId?.startsWith(FAMILY_PREFIX) ? ctx.noteId.slice(FAMILY_PREFIX.length) : null;
  const member = message?.type === 'summary' ? message.member : undefined;
  // A digest's own edit or delete (its lines changed) names the digest message, not a note.
  const inDigest = event === 'digest' || ctx.noteId?.startsWith(DIGEST_PREFIX) === true;
  const noteId = inDigest ? null : (member ?? (family === null ? ctx.noteId : null));
  return { event, target: targetKey(target), noteId, family, revision: ctx.revision, messageId, text: body };
}

export function createConsoleAdapter(opts: ConsoleAdapterOptions): ChatAdapter {
  const emit = (event: string, target: Target, ctx: SendContext, messageId: string, body: string, message?: OutgoingMessage) => {
    if (opts.json) opts.write(JSON.stringify(jsonEvent(event, target, ctx, messageId, body, message)));
    else {
      // The author's controls, which a real chat shows as no notification and a pin (the console pins nothing).
      const controls = event === 'post' && message?.type === 'summary' ? [message.silent ? 'silent' : '', message.pin ? 'pin asked: the console pins nothing' : ''].filter(Boolean) : [];
      opts.write(`\n[${event} → ${targetKey(target)} #${messageId}${controls.length ? ` (${controls.join('; ')})` : ''}]\n${body}`);
    }
  };
  const pause = () => (opts.delayMs ? new Promise((r) => setTimeout(r, opts.delayMs)) : Promise.resolve());
  return {
    platform: 'console',
    async post(target, message, ctx) {
      await pause();
      // Derived from the delivery, so a resend after a crash shows the same id.
      const messageId = `c${ctx.deliveryId}`;
      emit(message.type === 'digest' ? 'digest' : 'post', target, ctx, messageId, text(message), message);
      return { messageId };
    },
    async edit(target, messageId, message, ctx) {
      await pause();
      emit('edit', target, ctx, messageId, text(message), message);
    },
    async delete(target, messageId, ctx) {
      emit('delete', target, ctx, messageId, '');
    },
    classify(error): FailureClass {
      return { kind: 'transient', reason: errorText(error) };
    },
  };
}
