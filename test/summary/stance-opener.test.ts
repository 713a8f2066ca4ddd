/**
 * A word of the writer's stance before a comma ("Honestly, …", "Franchement, …", "说实话，…") is filler:
 * it never starts a point; the sentence after it stays (issue 23, item 8). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

describe('a stance word opening a sentence', () => {
  const cases: Array<[string, string, string, string]> = [
    ['en', 'Caddy renews TLS certificates on its own and reloads without downtime.', 'Truthfully, the config file stays under twenty lines for most sites.', 'The config file stays under twenty lines for most sites.'],
    ['fr', 'Caddy renouvelle seul les certificats TLS et recharge sans coupure.', 'Honnêtement, le fichier de configuration tient en vingt lignes pour la plupart des sites.', 'Le fichier de configuration tient en vingt lignes pour la plupart des sites.'],
    ['de', 'Caddy erneuert TLS-Zertifikate selbst und lädt ohne Ausfall neu.', 'Ehrlich gesagt, die Konfiguration bleibt für die meisten Seiten unter zwanzig Zeilen.', 'Die Konfiguration bleibt für die meisten Seiten unter zwanzig Zeilen.'],
    ['es', 'Caddy renueva solo los certificados TLS y recarga sin cortes.', 'Sinceramente, la configuración cabe en veinte líneas para la mayoría de los sitios.', 'La configuración cabe en veinte líneas para la mayoría de los sitios.'],
    ['zh', 'Caddy 会自动续期 TLS 证书，并且无需停机即可重新加载。', '老实说，大多数网站的配置文件都不超过二十行。', '大多数网站的配置文件都不超过二十行。'],
  ];
  for (const [lang, first, stance, substance] of cases) {
    it(`goes, and its sentence stays (${lang})`, () => {
      const points = pointsOf(lang, `${first}\n\n${stance}`);
      expect(points).toContain(substance);
      expect(points).not.toContain(stance);
    });
  }
});
