/**
 * Chat around the substance, in the nine languages of the blog: the opening reply and "here is"
 * line, a lead-in that only presents what follows, and the offer or question put back to the reader
 * at the end are never a point nor a point's start (issue 23, the tester's round after stop 39).
 * Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

/** [lang, opening reply, the two statements, the question back to the reader] */
const notes: Array<[string, string, string, string, string]> = [
  ['en', "Sure! Here's the short version.", 'Redis expires keys with EXPIRE, which sets a time to live in seconds on the key.', 'The TTL command returns the seconds left before the key expires, or -1 when it has none.', 'Want me to show the Lua version too?'],
  ['zh', '当然可以！下面是简要说明。', 'Redis 用 EXPIRE 命令给键设置以秒为单位的过期时间。', 'TTL 命令返回键过期前剩余的秒数，没有过期时间时返回 -1。', '需要我再给你演示 Python 客户端的写法吗？'],
  ['zh-Hant', '當然可以！以下是簡要說明。', 'Redis 用 EXPIRE 命令為鍵設定以秒為單位的過期時間。', 'TTL 命令回傳鍵過期前剩餘的秒數，沒有過期時間時回傳 -1。', '需要我再示範 Python 用戶端的寫法嗎？'],
  ['ja', 'もちろんです！以下に簡単にまとめます。', 'Redis は EXPIRE コマンドでキーに秒単位の有効期限を設定します。', 'TTL コマンドはキーが期限切れになるまでの残り秒数を返し、期限がない場合は -1 を返します。', 'Python クライアントでの書き方もお見せしましょうか？'],
  ['es', '¡Claro! Aquí va la versión corta.', 'Redis expira las claves con EXPIRE, que fija un tiempo de vida en segundos para la clave.', 'TTL devuelve los segundos que le quedan a la clave antes de expirar, o -1 si no tiene.', '¿Quieres que te muestre también la versión con el cliente de Python?'],
  ['fr', 'Bien sûr ! Voici comment faire :', 'Redis fait expirer les clés avec EXPIRE, qui fixe une durée de vie en secondes pour la clé.', "TTL renvoie le nombre de secondes restant avant l'expiration de la clé, ou -1 si elle n'en a pas.", 'Voulez-vous que je vous montre aussi la version avec le client Python ?'],
  ['de', 'Klar! Hier ist die kurze Version.', 'Redis lässt Schlüssel mit EXPIRE ablaufen, das eine Lebensdauer in Sekunden für den Schlüssel setzt.', 'TTL gibt die Sekunden zurück, die dem Schlüssel bis zum Ablauf bleiben, oder -1, wenn er keine hat.', 'Soll ich Ihnen auch die Version mit dem Python-Client zeigen?'],
  ['hi', 'ज़रूर! यहाँ संक्षेप में बताया गया है।', 'Redis कुंजी पर EXPIRE कमांड से सेकंड में जीवनकाल तय करता है।', 'TTL कमांड कुंजी की समाप्ति से पहले बचे सेकंड लौटाता है, या -1 जब कोई समय-सीमा नहीं होती।', 'क्या आप चाहेंगे कि मैं Python क्लाइंट वाला तरीका भी दिखाऊँ?'],
  ['ar', 'بالتأكيد! إليك الشرح المختصر.', 'يضبط Redis مدة صلاحية المفتاح بالثواني باستخدام الأمر EXPIRE.', 'يعيد الأمر TTL عدد الثواني المتبقية قبل انتهاء صلاحية المفتاح، أو -1 إذا لم تكن له مدة.', 'هل تريد أن أريك طريقة عميل Python أيضاً؟'],
];

describe('a chat answer', () => {
  for (const [lang, reply, first, second, question] of notes) {
    it(`gives its two statements and nothing around them (${lang})`, () => {
      expect(pointsOf(lang, [reply, first, second, question].join('\n\n'))).toEqual([first, second]);
    });
  }
});

describe('a lead-in that presents a list', () => {
  const list = '- **Kafka** : un journal distribué conçu pour le débit.\n- **RabbitMQ** : un courtier classique avec routage flexible.\n- **NATS** : léger et très rapide, pour les microservices.';
  it('leads it without its presenting words', () => {
    const points = pointsOf('fr', `Trois courtiers de messages dominent aujourd’hui.\n\nVoici une comparaison :\n\n${list}`);
    expect(points).toContain('Une comparaison : Kafka, RabbitMQ, NATS');
    expect(points.join('\n')).not.toMatch(/Voici/);
  });

  it('leaves the names alone when nothing else is left ("Voici comment :")', () => {
    const points = pointsOf('fr', `Trois courtiers de messages dominent aujourd’hui.\n\nVoici comment :\n\n${list}`);
    expect(points).toContain('Kafka, RabbitMQ, NATS');
  });

  it('in Chinese too ("下面是…")', () => {
    const points = pointsOf('zh', '三种消息队列各有所长。\n\n下面是三种消息队列的对比：\n\n- **Kafka**：分布式日志，吞吐量高。\n- **RabbitMQ**：经典的消息代理，路由灵活。\n- **NATS**：轻量而且很快。');
    expect(points).toContain('三种消息队列的对比：Kafka、RabbitMQ、NATS');
  });
});
