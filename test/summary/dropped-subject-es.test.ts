/**
 * Spanish drops the subject its verb's ending says (dropped-subject.ts): a sentence opening on a finite
 * verb ("Permite…", "Sirve para…", "Es la…") leans wholly on the sentence before, and a section whose
 * first sentence does so has its heading for subject, which the outline then names (issue 23, tester
 * F12: a Spanish note of sections got no outline, and "Sirve para…" stood alone). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { dropsSubject } from '../../src/summary/dropped-subject.js';
import { leansOn } from '../../src/summary/walk.js';
import { pointsOfNote } from '../helpers/note-points.js';

describe('a Spanish sentence opening on its verb', () => {
  it.each([
    'Permite gestionar las dependencias desde un repositorio central.',
    'Sirve para proyectos grandes con muchas tareas.',
    'Requiere escribir cada paso a mano.',
    'Es la herramienta más antigua del ecosistema.',
    'Guardaba los datos en un solo archivo.',
    'Usan scripts en Groovy o Kotlin.',
  ])('leans wholly on what came before: %s', (s) => {
    expect(dropsSubject(s, 'es')).toBe(true);
    expect(leansOn(s, 'es')).toBe('wholly');
  });

  it.each([
    'Maven usa un archivo XML para describir el proyecto.', // a subject, then its verb
    'Docker crea una red virtual para los contenedores.',
    'Durante la noche el servidor copia los datos.', // a preposition
    'Cada contenedor tiene su propia red.', // a determiner
    'Finalmente, el proceso termina.', // an adverb
    'La imagen es una plantilla de solo lectura.', // an article
    'Ejecuta `git commit --amend` para corregirlo.', // an instruction naming its command reads alone
  ])('has a subject of its own, or needs none: %s', (s) => {
    expect(dropsSubject(s, 'es')).toBe(false);
  });

  it('is a rule of a language that drops its subject, not of English or French', () => {
    expect(dropsSubject('Permite gestionar las dependencias.', 'fr')).toBe(false);
    expect(dropsSubject('Sirve para proyectos grandes.', 'en')).toBe(false);
  });
});

const TOOLS_ES = [
  'Hay tres herramientas populares para compilar proyectos de Java.',
  '## Maven\n\nUsa un archivo XML para describir el proyecto. Permite gestionar las dependencias desde un repositorio central.',
  '## Gradle\n\nUsa scripts en Groovy o Kotlin y es muy rápido. Sirve para proyectos grandes con muchas tareas.',
  '## Ant\n\nEs la herramienta más antigua del ecosistema. Requiere escribir cada paso a mano en XML.',
].join('\n\n');

const TOOLS_EN = TOOLS_ES.replace('Hay tres herramientas populares para compilar proyectos de Java.', 'There are three popular tools for building Java projects.')
  .replace('Usa un archivo XML para describir el proyecto. Permite gestionar las dependencias desde un repositorio central.', 'It uses an XML file to describe the project. It manages dependencies from a central repository.')
  .replace('Usa scripts en Groovy o Kotlin y es muy rápido. Sirve para proyectos grandes con muchas tareas.', 'It uses scripts in Groovy or Kotlin and is very fast. It suits large projects with many tasks.')
  .replace('Es la herramienta más antigua del ecosistema. Requiere escribir cada paso a mano en XML.', 'It is the oldest tool of the ecosystem. It requires writing every step by hand in XML.');

describe('a note of sections whose text leaves their subject to the heading', () => {
  it.each([
    ['es', TOOLS_ES],
    ['en', TOOLS_EN],
  ])('gets the outline of its headings (%s)', (lang, body) => {
    expect(pointsOfNote(lang, body)).toContain('Maven, Gradle, Ant');
  });

  it('never shows a sentence whose verb leans on another alone', () => {
    const points = pointsOfNote('es', TOOLS_ES);
    for (const leaning of ['Permite gestionar', 'Sirve para', 'Requiere escribir']) {
      const k = points.findIndex((p) => p.startsWith(leaning));
      if (k >= 0) expect(points[k - 1]).toMatch(/^(?:Maven|Gradle|Ant): /u);
    }
    // A section's first point names its part, whose name is no part of a longer word ("Ant" is not in "antigua").
    expect(points).toContain('Ant: Es la herramienta más antigua del ecosistema.');
  });

  it('keeps its outline when the sections name their subject (as before), a verb-first sentence still not alone', () => {
    const body = TOOLS_ES.replace('Usa un archivo', 'Maven usa un archivo').replace('Usa scripts', 'Gradle usa scripts').replace('Es la herramienta', 'Ant es la herramienta');
    const points = pointsOfNote('es', body);
    expect(points).toContain('Maven, Gradle, Ant');
    expect(points).toContain('Ant es la herramienta más antigua del ecosistema.');
    expect(points).not.toContain('Requiere escribir cada paso a mano en XML.'); // shown alone on main
  });
});
