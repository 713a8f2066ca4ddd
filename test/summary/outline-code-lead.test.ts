/**
 * The outline names a guide's sections by their headings ("Getting the Home Directory"); the first
 * sentence of a section naming the code that does it (`Path.home()`) says what the name does not,
 * and is still worth a point once the outline is shown. Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { parseNote, type ReadOptions } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { buildSummary } from '../../src/summary/build.js';
import { pointText } from '../../src/summary/inline.js';

const opts: ReadOptions = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };

function points(title: string, body: string): string[] {
  const { note, tokens } = parseNote('_posts/2025-01-01-note-en.md', Buffer.from(`---\ntitle: ${title}\nlang: en\n---\n${body}`), opts);
  return buildSummary(note, tokens).keyPoints.map(pointText);
}

/** A module guide: each section's first sentence names the call that does what its heading says. */
const GUIDE = `### Overview of Python's pathlib Module

Python's \`pathlib\` module provides classes for working with file system paths as objects. It's in the standard library, so no installation is needed. Key classes include:
- \`Path\`: A concrete path (files, folders, links).
- \`PurePath\`: A path without any file system access.
- \`PosixPath\`: A path on Linux or macOS systems.
- \`WindowsPath\`: A path on Windows systems.

It's useful for tasks like reading files, listing folders, or building paths for display/output.

### Importing the Module

Import the entire module or specific classes as needed:

\`\`\`python
import pathlib
from pathlib import Path, PurePath
\`\`\`

### Getting the Home Directory

Use \`Path.home()\` to get the current user's home directory as a \`Path\` object.

\`\`\`python
from pathlib import Path
home = Path.home()
print(home)  # /home/ada
\`\`\`

### Joining Paths Together

Join path parts with the \`/\` operator instead of string concatenation.

\`\`\`python
config = Path.home() / ".config" / "app.toml"
\`\`\`

### Reading Files as Text

Read a whole file into a string with \`read_text\`, giving an encoding where files are not UTF-8.

\`\`\`python
text = config.read_text(encoding="utf-8")
\`\`\`

### Listing Folder Contents

List a folder's entries with \`iterdir\`, or match names with \`glob\` patterns (e.g., *.md for Markdown files).

\`\`\`python
for entry in Path.home().glob("*.md"):
    print(entry.name)
\`\`\`

### Common Tips and Pitfalls

- **Immutable paths**: Methods return new Path objects; the original path never changes.
- **Strings**: Convert a path to a string with str(path) for libraries that need strings.
- **Errors**: Reading a missing file raises FileNotFoundError.
`;

describe('a section lead naming code, after the outline named its section', () => {
  it('is kept: the outline gives the section a name, the lead the call that does it', () => {
    const shown = points('Python Pathlib Module Overview', GUIDE);
    expect(shown.some((p) => p.startsWith('Getting the Home Directory,') || p.includes(', Getting the Home Directory,'))).toBe(true); // the outline is shown
    expect(shown.some((p) => p.includes('Path.home()'))).toBe(true);
  });
});
