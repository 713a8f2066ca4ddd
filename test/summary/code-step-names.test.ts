/**
 * A list of steps compacted by their names keeps the step that names its commands in code, though
 * that step has no short name of its own ("Use `rustc` to compile, `cargo` to build"): left out,
 * the list read as though that step were not there, and the commands were lost (issue 23, the hi
 * Java guide's "javac"). Notes written for this test.
 */
import { describe, expect, it } from 'vitest';
import { pointsOfNote } from '../helpers/note-points.js';

const note = (lead: string, steps: readonly string[]) =>
  `# Building a small tool\n\nThe tool reads a log file and prints a short report of the errors found in it.\n\n**${lead}**:\n${steps.map((s) => `- ${s}`).join('\n')}\n\nThe report lists each error once, with how often it came.`;

describe('a step named by its code', () => {
  it('is named among the compacted steps by its commands', () => {
    const points = pointsOfNote('en', note('Command line', ['Open a terminal', 'Go to the folder of the project', 'Run `rustc` on the main file to compile it, or `cargo build` to build the whole crate at once', 'Good for seeing each stage']));
    const compact = points.find((p) => p.startsWith('Command line:'));
    expect(compact).toBe('Command line: Open a terminal, Go to the folder of the project, rustc, cargo build, Good for seeing each stage');
  });

  it('is joined as its language joins names, the steps then set apart by semicolons', () => {
    const points = pointsOfNote('zh', note('命令行', ['打开终端', '进入项目所在的文件夹', '先用 `rustc` 编译主文件，或者用 `cargo build` 构建整个项目，这样就可以清楚地看到每一步的输出结果、警告和错误信息以及它们出现的位置', '适合理解每个阶段']));
    expect(points.find((p) => p.startsWith('命令行'))).toBe('命令行：打开终端；进入项目所在的文件夹；rustc、cargo build；适合理解每个阶段');
  });

  it('is not named by a whole command line', () => {
    const points = pointsOfNote('en', note('Command line', ['Open a terminal', 'Go to the folder of the project', 'Run `rustc --edition 2021 -O src/main.rs -o target/tool` for a release build of the tool', 'Good for seeing each stage']));
    expect(points.join('\n')).not.toMatch(/project, rustc/);
  });
});

/**
 * A step named by its label whose text past the label is a command ("Get connection string and
 * connect: `mongosh "mongodb+srv://…"`") is named with what a reader runs for it (issue 23, the
 * MongoDB guide's "mongosh"): whole when short, else by its program. Notes written for this test.
 */
describe('a step whose text is a command', () => {
  const steps = (items: readonly string[]) =>
    pointsOfNote('en', `# Hosting the shop database\n\nThe shop keeps its orders in a hosted document store that the team reaches from the office.\n\n## Hosted\n\n${items.map((s) => `- ${s}`).join('\n')}\n\nThe hosted store is backed up every night by the provider.`);

  it('is named with the program of a long command line', () => {
    const points = steps(['Sign up at the provider', 'Create a cluster: `vendorctl clusters create shop-main --region eu-west-1 --tier small`', 'Connect with the shell: `docsh "docdb://admin:secret@shop-main.example.net/orders"`']);
    expect(points).toContain('Hosted: Sign up at the provider, Create a cluster (vendorctl), Connect with the shell (docsh)');
  });

  it('names a program two steps run once, at the first', () => {
    const points = steps(['Sign up at the provider', 'Create a cluster: `vendorctl clusters create shop-main --region eu-west-1 --tier small`', 'Allow the office: `vendorctl access-lists create --current-ip --comment office`']);
    expect(points).toContain('Hosted: Sign up at the provider, Create a cluster (vendorctl), Allow the office');
  });

  it('is named with a short command whole', () => {
    const points = steps(['Sign up at the provider', 'Pick the database: `use orders`', 'List what it holds: `show collections`']);
    expect(points).toContain('Hosted: Sign up at the provider, Pick the database (use orders), List what it holds (show collections)');
  });

  it('is not named with code that is no command line', () => {
    const points = steps(['**Predicate**: `boolean test(T t)`', '**Supplier**: `T get()`', '**Counter**: `int count = 0;`']);
    expect(points.join('\n')).not.toMatch(/\((?:boolean|T get|int count)/u);
  });
});
