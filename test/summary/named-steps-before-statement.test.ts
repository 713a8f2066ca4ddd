/**
 * A list under the writer's lead-in sentence whose first steps have names and whose last one is a statement too
 * long for a name: the named steps make the list's point under its lead-in, "…" for the rest (lists.ts
 * namedBeforeStatements). Before, the one long last step left the list with no point naming its steps, and the
 * step that announces a block of code ("Paste this server block:") was never shown. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function points(lang: string, title: string, body: string): string[] {
  const { note, tokens } = parseNote(`_posts/2025-03-01-proxy-${lang}.md`, Buffer.from(`---\ntitle: ${title}\nlang: ${lang}\n---\n${body}`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

const CODE = ['   ```nginx', '   server {', '     listen 443 ssl;', '     location / { proxy_pass http://127.0.0.1:3000; }', '   }', '   ```'];

describe('a list whose first steps are named and whose last is a long statement', () => {
  it('names its steps under its lead-in (English)', () => {
    const body = [
      'A reverse proxy lets one server answer for several local apps behind a single public address.',
      '',
      '### 1. Use the packaged site file',
      '',
      'Most distributions ship a default site that already forwards requests, so a reload is enough to start.',
      '',
      '### 2. Write the server block yourself',
      '',
      'If you would rather control every directive:',
      '',
      '1. Open the main config file: `/etc/nginx/nginx.conf`.',
      '2. Paste this server block:',
      '',
      ...CODE,
      '3. Check that `server_name` matches the domain given to `certbot --nginx -d example.com` so the certificate renews without errors.',
      '',
      '### 3. Reload',
      '',
      'Run the config test before every reload, since a broken file stops the proxy for every app at once.',
    ].join('\n');
    const got = points('en', 'Setting Up a Reverse Proxy', body);
    expect(got).toContainEqual(expect.stringMatching(/^If you would rather control every directive: Open the main config file, Paste this server block, …$/));
  });

  it('names its steps under its lead-in (Spanish)', () => {
    const body = [
      'Un proxy inverso permite que un solo servidor responda por varias aplicaciones locales tras una única dirección pública.',
      '',
      '### 1. Usar el sitio incluido',
      '',
      'La mayoría de las distribuciones incluyen un sitio por defecto que ya reenvía peticiones, así que basta con recargar.',
      '',
      '### 2. Escribir el bloque a mano',
      '',
      'Si prefieres controlar cada directiva:',
      '',
      '1. Abre el archivo principal: `/etc/nginx/nginx.conf`.',
      '2. Pega este bloque de servidor:',
      '',
      ...CODE,
      '3. Comprueba que `server_name` coincide con el dominio dado a `certbot --nginx -d example.com` para que el certificado se renueve sin errores.',
      '',
      '### 3. Recargar',
      '',
      'Ejecuta la prueba de configuración antes de cada recarga, porque un archivo roto detiene el proxy de todas las aplicaciones.',
    ].join('\n');
    const got = points('es', 'Configurar un proxy inverso', body);
    expect(got).toContainEqual(expect.stringMatching(/^Si prefieres controlar cada directiva: Abre el archivo principal, Pega este bloque de servidor, …$/));
  });

  it('names its steps under its lead-in (German)', () => {
    const body = [
      'Ein Reverse Proxy lässt einen Server für mehrere lokale Anwendungen hinter einer einzigen öffentlichen Adresse antworten.',
      '',
      '### 1. Die mitgelieferte Site nutzen',
      '',
      'Die meisten Distributionen liefern eine Standard-Site, die Anfragen schon weiterleitet, also genügt ein Neuladen.',
      '',
      '### 2. Den Serverblock selbst schreiben',
      '',
      'Wenn du jede Direktive selbst bestimmen willst:',
      '',
      '1. Öffne die Hauptdatei: `/etc/nginx/nginx.conf`.',
      '2. Füge diesen Serverblock ein:',
      '',
      ...CODE,
      '3. Prüfe, dass `server_name` zur Domain passt, die du `certbot --nginx -d example.com` gibst, damit das Zertifikat ohne Fehler erneuert wird.',
      '',
      '### 3. Neu laden',
      '',
      'Führe vor jedem Neuladen den Konfigurationstest aus, denn eine kaputte Datei hält den Proxy für alle Anwendungen an.',
    ].join('\n');
    const got = points('de', 'Einen Reverse Proxy einrichten', body);
    expect(got).toContainEqual(expect.stringMatching(/^Wenn du jede Direktive selbst bestimmen willst: Öffne die Hauptdatei, Füge diesen Serverblock ein, …$/));
  });
});
