/**
 * A list of options under the writer's lead-in sentence ("If you need 64 MB parts, your options are:"), each option a
 * statement too long for a name: the lead-in is offered with the first option (lists.ts leadInOf), and each later option
 * says what it is an option for only under it. Before, a later option rich in names ("Use a different storage API …
 * (e.g., Amazon S3, Backblaze B2 …)") was chosen alone, the first option and the lead-in lost their place to it, and a
 * reader saw a recommendation without what it answers (the corpus's remove-width-height note: "Post-process" never
 * named). Now a later option leans wholly on the option before it (Candidate.leansBack): shown only after it.
 * Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function points(lang: string, body: string): string[] {
  const { note, tokens } = parseNote(`_posts/2025-03-01-upload-parts-${lang}.md`, Buffer.from(`---\ntitle: Remove chunk_size\nlang: ${lang}\n---\n${body}`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

/** The list's lead-in is shown with its first option, and a later option only right after that point. */
function expectOptionsUnderLeadIn(got: readonly string[], ledFirst: string, later: string): void {
  const led = got.findIndex((p) => p.startsWith(ledFirst));
  expect(led, got.join('\n')).toBeGreaterThanOrEqual(0);
  const alone = got.findIndex((p) => p.startsWith(later));
  if (alone >= 0) expect(alone, got.join('\n')).toBe(led + 1);
}

describe('options of a list under the writer\'s lead-in sentence', () => {
  it('keeps the lead-in with the first option; a later option never stands without it (English)', () => {
    const body = [
      "The error you're seeing:",
      "",
      "```",
      "Extra inputs are not permitted [type=extra_forbidden, input_value=64, input_type=int]",
      "```",
      "",
      "is caused by passing `chunk_size` and `retries` into `UploadConfig`, which does **not support** those fields. According to the error message and the Bucket API's design, `part_size` must be one of the **predefined enum values**, and `CUSTOM` is **not** supported for the public Bucket API (as of now).",
      "",
      "---",
      "",
      "### ✅ Fix",
      "",
      "You should **remove** `chunk_size` and `retries`, and use a valid `part_size` enum such as `\"8MB\"` or `\"16MB\"`.",
      "",
      "---",
      "",
      "### 🔍 To upload in **custom-sized parts** like `64MB`:",
      "",
      "The current Bucket/Vault public APIs **do not support** arbitrary part sizes. If you need 64 MB parts (e.g., for video files), your options are:",
      "",
      "1. **Post-process the archive** after packing to slice/zip it into your desired pieces.",
      "2. Use **a different storage API** that supports custom part sizes (e.g., Amazon S3, Backblaze B2, or private servers).",
      "3. If you're using internal access (e.g., inside your company), confirm with the internal docs or your account manager.",
      "",
      "Let me know if you want help splitting the file.",
    ].join('\n');
    expectOptionsUnderLeadIn(points('en', body), "If you need 64 MB parts (e.g., for video files), your options are: Post-process the archive", "Use a different storage API");
  });

  it('keeps the lead-in with the first option; a later option never stands without it (Spanish)', () => {
    const body = [
      "El error que ves:",
      "",
      "```",
      "Extra inputs are not permitted [type=extra_forbidden, input_value=64, input_type=int]",
      "```",
      "",
      "se debe a que pasas `chunk_size` y `retries` a `UploadConfig`, que **no admite** esos campos. Según el mensaje de error y el diseño de la API de Bucket, `part_size` debe ser uno de los **valores predefinidos**, y `CUSTOM` **no** está admitido en la API pública de Bucket (por ahora).",
      "",
      "---",
      "",
      "### ✅ Solución",
      "",
      "Debes **quitar** `chunk_size` y `retries`, y usar un valor válido de `part_size` como `\"8MB\"` o `\"16MB\"`.",
      "",
      "---",
      "",
      "### 🔍 Para subir en **partes de tamaño propio** como `64MB`:",
      "",
      "Las APIs públicas actuales de Bucket/Vault **no admiten** tamaños de parte arbitrarios. Si necesitas partes de 64 MB (por ejemplo, para archivos de vídeo), tus opciones son:",
      "",
      "1. **Posprocesar el archivo** después de empaquetarlo para cortarlo en los trozos que quieras.",
      "2. Usar **otra API de almacenamiento** que admita tamaños de parte propios (por ejemplo, Amazon S3, Backblaze B2 o servidores privados).",
      "3. Si tienes acceso interno (por ejemplo, dentro de tu empresa), confírmalo con la documentación interna o con tu gestor de cuenta.",
      "",
      "Avísame si quieres ayuda para dividir el archivo.",
    ].join('\n');
    expectOptionsUnderLeadIn(points('es', body), "Si necesitas partes de 64 MB (por ejemplo, para archivos de vídeo), tus opciones son: Posprocesar el archivo", "Usar otra API de almacenamiento");
  });

  it('keeps the lead-in with the first option; a later option never stands without it (French)', () => {
    const body = [
      "L'erreur que vous voyez :",
      "",
      "```",
      "Extra inputs are not permitted [type=extra_forbidden, input_value=64, input_type=int]",
      "```",
      "",
      "vient du fait que vous passez `chunk_size` et `retries` à `UploadConfig`, qui **n'accepte pas** ces champs. D'après le message d'erreur et la conception de l'API Bucket, `part_size` doit être l'une des **valeurs prédéfinies**, et `CUSTOM` n'est **pas** accepté par l'API publique Bucket (pour l'instant).",
      "",
      "---",
      "",
      "### ✅ Correction",
      "",
      "Vous devez **retirer** `chunk_size` et `retries`, et utiliser une valeur valide de `part_size` comme `\"8MB\"` ou `\"16MB\"`.",
      "",
      "---",
      "",
      "### 🔍 Pour envoyer des **parties de taille libre** comme `64MB` :",
      "",
      "Les API publiques actuelles de Bucket/Vault **n'acceptent pas** de tailles de partie arbitraires, ni en REST ni en gRPC. Si vous avez besoin de parties de 64 Mo (par exemple pour des fichiers vidéo), vos options sont :",
      "",
      "1. **Post-traiter l'archive** après l'empaquetage pour la découper en morceaux voulus.",
      "2. Utiliser **une autre API de stockage** qui accepte des tailles de partie libres (par exemple Amazon S3, Backblaze B2 ou des serveurs privés).",
      "3. Si vous avez un accès interne (par exemple dans votre entreprise), vérifiez avec la documentation interne ou votre gestionnaire de compte.",
      "",
      "Dites-moi si vous voulez de l'aide pour découper le fichier.",
    ].join('\n');
    expectOptionsUnderLeadIn(points('fr', body), "Si vous avez besoin de parties de 64 Mo (par exemple pour des fichiers vidéo), vos options sont : Post-traiter l'archive", "Utiliser une autre API de stockage");
  });

});
