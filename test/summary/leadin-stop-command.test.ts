/**
 * A lead-in naming "the following command" with a full stop, not a colon ("Run the following
 * command."), before a code block: its point carries the command; without it, it announces nothing
 * (issue 23, F2). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote as pointsOf } from '../helpers/note-points.js';

describe('a lead-in ending in a stop before its command', () => {
  it.each([
    ['en', 'The `du` command estimates how much disk space files use.', 'Run the following command.'],
    ['es', 'El comando `du` estima cuánto espacio ocupan los archivos.', 'Ejecuta el siguiente comando.'],
    ['de', 'Der Befehl `du` schätzt den Speicherplatz, den Dateien belegen.', 'Führen Sie den folgenden Befehl aus.'],
    ['hi', '`du` कमांड फ़ाइलों द्वारा उपयोग की गई जगह का अनुमान लगाता है।', 'निम्नलिखित कमांड चलाएँ।'],
  ])('gives its command with it, or no point (%s: %s)', (lang, opening, leadIn) => {
    const points = pointsOf(lang, [opening, leadIn, '```sh\ndu -sh photos\n```'].join('\n\n'));
    const said = points.filter((p) => p.startsWith(leadIn.replace(/[.।]$/u, '')));
    expect(said.every((p) => p.includes('du -sh photos'))).toBe(true);
    expect(points.some((p) => p.includes('du -sh photos'))).toBe(true);
  });
});
