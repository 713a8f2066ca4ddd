/**
 * A lead-in that announces what a program printed ("The output looks like this:", "You should see:",
 * "输出如下：", "実行結果：", "Verás algo así:", "ستكون النتيجة كالتالي:"): the block it announces is
 * output, not something the note says, and the lead-in points at nothing without it (issue 23, F01).
 * Told by the lead-in's structure in each language: output, a result or a log as its subject, or
 * the reader seeing or getting something; never a lead-in telling the reader to run something
 * ("To see the logs, run:", "运行以下命令查看输出："), whose block is the command. Pure.
 */

import type { Token, Tokens } from 'marked';
import { saysAsFollows } from './presenting.js';
import { ruleFor, type Rules } from './tone.js';

/** Output, a result or a log as what the lead-in speaks of, or the reader seeing or getting it. */
const SHOWS_OUTPUT: Rules = [
  [/^en/, /^(?:(?:the|its|your|an?|some|sample|example|expected|typical|console|command['’]s|program['’]s|final)\s+)*(?:output|outputs|result|results|response|log|logs|printout|stdout)(?!\p{L})|(?:^|[\s,])(?:you(?:['’]ll| will| should| would| might)?(?: then)?(?: now)?(?: also)?(?: be able to)? (?:see|get)|(?:it|this|which|that) (?:will )?(?:prints?|outputs?|returns?|displays?)|(?:should|will|would|must)(?: now)? (?:print|output|display))(?!\p{L})/iu],
  [/^es/, /(?:^|[^\p{L}])(?:salida|resultado|resultados|registro|registros|respuesta|verás|veras|deberías ver|debería ver|vas a ver|obtendrás|obtendrá|aparecerá|se mostrará|imprime|imprimirá|devuelve|devolverá)(?!\p{L})/iu],
  [/^pt/, /(?:^|[^\p{L}])(?:saída|resultado|resultados|você verá|verá|deverá ver|deve ver|obterá|imprime|retorna)(?!\p{L})/iu],
  [/^fr/, /(?:^|[^\p{L}])(?:sortie|résultat|résultats|vous (?:devriez|allez|pourrez) voir|vous verrez|tu verras|vous obtiendrez|affiche|affichera|renvoie|renverra)(?!\p{L})/iu],
  [/^de/, /(?:^|[^\p{L}])(?:Ausgabe|Ergebnis|Ergebnisse|Rückgabe|sehen Sie|siehst du|sollten Sie[^:]*sehen|solltest du[^:]*sehen|erhalten Sie|erhältst du|gibt[^:]*aus)(?!\p{L})/iu],
  [/^(zh|hant|yue)/, /输出|輸出|结果|結果|日志|日誌|打印|返回|(?:会|會|应该|應該|将|將|就|能|可以)(?:会|會)?(?:看到|得到)/u],
  [/^ja/, /出力|結果|ログ|表示され|返され|返り値|返します/u],
  [/^hi/, /आउटपुट|परिणाम|नतीजा|दिखेगा|दिखेगी|दिखाई देगा|दिखाई देगी|मिलेगा/u],
  [/^ar/, /الناتج|النتيجة|النتائج|المخرجات|الخرج|الإخراج|سترى|ستشاهد|سيظهر|ستظهر|سيطبع|يطبع/u],
];

/**
 * A lead-in telling the reader to run, type or install something: what follows is the command,
 * whatever output it speaks of ("Run this to see the output:"). Imperatives where a lead-in puts
 * them: at its start, after a comma or "then", or last (Chinese, Japanese, Hindi).
 */
const RUNS_SOMETHING: Rules = [
  [/^en/, /(?:^|,\s*|\b(?:then|and|now)\s+)(?:run|execute|type|enter|paste|install|call|invoke|try|use|start|launch|open)(?!\p{L})/iu],
  [/^es/, /(?:^|,\s*|\b(?:luego|después|y)\s+)(?:ejecuta|ejecute|corre|escribe|escriba|usa|use|instala|introduce|teclea|lanza)(?!\p{L})/iu],
  [/^pt/, /(?:^|,\s*|\b(?:depois|e)\s+)(?:execute|rode|digite|use|instale)(?!\p{L})/iu],
  [/^fr/, /(?:^|,\s*|\b(?:puis|et)\s+)(?:exécutez|exécute|lancez|lance|tapez|tape|utilisez|installez)(?!\p{L})/iu],
  [/^de/, /(?:^|,\s*|\b(?:dann|und)\s+)(?:führen Sie|führe|starten Sie|starte|tippen Sie|gib|geben Sie|installieren Sie|verwenden Sie)(?!\p{L})/iu],
  // "运行结果", "运行后": the result of running, not an order to run.
  // "用下面的命令列出日志目录", "次のコマンドで…一覧します": done by the command, whatever it names (a log folder).
  [/^(zh|hant|yue)/, /(?:运行|運行|执行|執行|输入|輸入|键入|鍵入)(?:以下|下面|如下|这个|這個|该|該|命令|指令|[：:]?$)|(?:用|使用|通过|通過)(?:以下|下面|如下|这个|這個|这条|這條|该|該)?的?(?:命令|指令)/u],
  [/^ja/, /(?:実行|入力|インストール)(?:します|してください|しましょう|する)?[。.:：]?$|(?:コマンド|命令)(?:で|を使って|を使い)/u],
  [/^hi/, /(?:चलाएँ|चलाएं|चलाइए|टाइप करें|इंस्टॉल करें)/u],
  [/^ar/, /(?:^|\s|،)(?:نف\u0651?ذ|شغ\u0651?ل|اكتب|استخدم|ثب\u0651?ت|أدخل)(?=[\s:،]|$)/u],
];

/** English leaks into notes of every language: its forms count in all of them. */
function holds(rules: Rules, s: string, locale: string): boolean {
  return (ruleFor(rules, locale)?.test(s) ?? false) || (!/^en/i.test(locale) && (ruleFor(rules, 'en')?.test(s) ?? false));
}

/** Whether a lead-in (a sentence ending in a colon, or announcing the block after it) announces output. */
export function announcesOutput(leadIn: string, locale: string): boolean {
  const s = leadIn.trim().replace(/\s*[:：]$/u, '');
  return s !== '' && holds(SHOWS_OUTPUT, s, locale) && !holds(RUNS_SOMETHING, s, locale);
}


/**
 * A sentence announcing output "as follows" with a stop ("出力は次の通りです。", "The output is as
 * follows.") before a paragraph of one line that is no sentence ("1532 access.log"): a lead-in to what a
 * program printed, as one ending in a colon is.
 */
export function announcesPrinted(s: string, next: Token | undefined, locale: string): boolean {
  if (next?.type !== 'paragraph' || !saysAsFollows(s) || !announcesOutput(s, locale)) return false;
  const printed = (next as Tokens.Paragraph).text.trim();
  return !printed.includes('\n') && !/[.!?。！？।؟]$/u.test(printed);
}
