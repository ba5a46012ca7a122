// The extension's vocabulary against package.json: command ids follow `mspDocs.<area>.<verb>`,
// every id that package.json, its translations, the walkthrough and the docs use is a contributed
// command (or setting), and src/extension/common/commands.ts and settings.ts list exactly what
// package.json contributes. A rename that misses one place fails here.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { METHOD_RULE_CODES } from '../../src/core/common/codes';
import { COMMANDS, CONTEXT_KEYS, TASKS } from '../../src/extension/common/commands';
import { SETTINGS } from '../../src/extension/common/settings';

const ROOT = path.join(__dirname, '..', '..');

function read(relative: string): string {
  return readFileSync(path.join(ROOT, relative), 'utf8');
}

interface Manifest {
  contributes: {
    commands: Array<{ command: string; title: string }>;
    menus: Record<string, Array<{ command: string }>>;
    keybindings?: Array<{ command: string }>;
    viewsWelcome: Array<{ contents: string }>;
    views: Record<string, Array<{ id: string }>>;
    walkthroughs: Array<{ description: string; steps: Array<{ description: string; completionEvents?: string[]; media: { markdown?: string } }> }>;
    configuration: { properties: Record<string, unknown> };
  };
}

const manifest = JSON.parse(read('package.json')) as Manifest;
const nls = [JSON.parse(read('package.nls.json')), JSON.parse(read('package.nls.nl.json'))] as Array<Record<string, string>>;
const contributed = manifest.contributes.commands.map((c) => c.command);

/** Commands of VS Code itself that the texts may link to. */
const VSCODE_COMMANDS = ['workbench.view.extension.mspDocs'];

/** A package.json string in every language: `%key%` looked up in package.nls.json and package.nls.nl.json. */
function localised(value: string): string[] {
  const key = /^%(.+)%$/.exec(value)?.[1];
  if (!key) return [value];
  return nls.map((bundle) => {
    assert.ok(key in bundle, `package.nls key ${key} is missing`);
    return bundle[key];
  });
}

/** The ids of the `command:` links in Markdown text. */
function commandLinks(text: string): string[] {
  return [...text.matchAll(/\(command:([\w.-]+)/g)].map((m) => m[1]);
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? sources(file) : file.endsWith('.ts') ? [file] : [];
  });
}

describe('contributed commands and settings', () => {
  it('names every command mspDocs.<area>.<verb>, once, with a title key command.<area>.<verb>', () => {
    assert.ok(contributed.length >= 15);
    for (const { command, title } of manifest.contributes.commands) {
      assert.match(command, /^mspDocs\.[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/);
      assert.equal(title, `%command.${command.slice('mspDocs.'.length)}%`, `title key of ${command}`);
    }
    assert.equal(new Set(contributed).size, contributed.length, 'a command is contributed twice');
  });

  it('lists exactly the contributed commands in COMMANDS (there are no internal ones)', () => {
    assert.deepEqual(Object.values(COMMANDS).sort(), [...contributed].sort());
  });

  it('lists exactly the contributed settings in SETTINGS', () => {
    assert.deepEqual(Object.values(SETTINGS).sort(), Object.keys(manifest.contributes.configuration.properties).sort());
  });

  it('uses only contributed commands in menus, keybindings, welcome views and the walkthrough', () => {
    const used: Array<[string, string]> = [];
    for (const [menu, items] of Object.entries(manifest.contributes.menus)) for (const item of items) used.push([`menus.${menu}`, item.command]);
    for (const binding of manifest.contributes.keybindings ?? []) used.push(['keybindings', binding.command]);
    for (const welcome of manifest.contributes.viewsWelcome) for (const text of localised(welcome.contents)) for (const id of commandLinks(text)) used.push(['viewsWelcome', id]);
    for (const walkthrough of manifest.contributes.walkthroughs) {
      for (const text of localised(walkthrough.description)) for (const id of commandLinks(text)) used.push(['walkthrough', id]);
      for (const step of walkthrough.steps) {
        for (const text of localised(step.description)) for (const id of commandLinks(text)) used.push(['walkthrough step', id]);
        for (const event of step.completionEvents ?? []) if (event.startsWith('onCommand:')) used.push(['completionEvents', event.slice('onCommand:'.length)]);
      }
    }
    for (const dir of ['media/walkthrough', 'media/walkthrough/nl']) for (const file of readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.md'))) for (const id of commandLinks(read(`${dir}/${file}`))) used.push([file, id]);
    // Every menu entry and the walkthrough's completion events at least.
    assert.ok(used.length >= 30, `only ${used.length} uses found`);
    const unknown = used.filter(([, id]) => !contributed.includes(id) && !VSCODE_COMMANDS.includes(id));
    assert.deepEqual(unknown, []);
  });

  it('names only contributed commands, settings, context keys and views in README.md and docs/', () => {
    const views = Object.values(manifest.contributes.views).flatMap((list) => list.map((v) => v.id));
    const known = new Set([...contributed, ...Object.values(SETTINGS), ...Object.values(CONTEXT_KEYS), ...views]);
    const files = ['README.md', ...readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
    const unknown: string[] = [];
    let seen = 0;
    for (const file of files) {
      for (const m of read(file).matchAll(/`(mspDocs\.[\w.]+)`/g)) {
        seen++;
        if (!known.has(m[1])) unknown.push(`${file}: ${m[1]}`);
      }
    }
    assert.ok(seen >= 10, `only ${seen} ids found in the docs`);
    assert.deepEqual(unknown, []);
  });

  it('names commands and settings in src/extension only through the constants of common/commands.ts and settings.ts', () => {
    const vocabulary = new Set<string>([...Object.values(COMMANDS), ...Object.values(SETTINGS)]);
    const problems: string[] = [];
    for (const file of sources(path.join(ROOT, 'src', 'extension'))) {
      const name = path.relative(ROOT, file).split(path.sep).join('/');
      if (name === 'src/extension/common/commands.ts' || name === 'src/extension/common/settings.ts') continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(['"])(mspDocs\.[\w.]+)\1/g)) if (vocabulary.has(m[2])) problems.push(`${name}: literal ${m[2]}`);
      if (/getConfiguration\(\s*['"]/.test(text)) problems.push(`${name}: getConfiguration with a literal section`);
      if (/executeCommand\(\s*['"`]/.test(text)) problems.push(`${name}: executeCommand with a literal id`);
      if (name !== 'src/extension/common/commandManager.ts' && /\bregisterCommand\(/.test(text)) problems.push(`${name}: registerCommand outside the CommandManager`);
    }
    assert.deepEqual(problems, []);
  });

  it('keeps the palette quiet: project commands only with mspDocs.hasProjects, New Project and the sample always', () => {
    const palette = manifest.contributes.menus.commandPalette as Array<{ command: string; when?: string }>;
    const when = new Map(palette.map((m) => [m.command, m.when]));
    const always = [COMMANDS.projectNew, COMMANDS.sampleOpen];
    for (const id of contributed) {
      if (always.includes(id as (typeof always)[number])) assert.equal(when.get(id), undefined, id);
      else assert.ok(when.get(id) === CONTEXT_KEYS.hasProjects || when.get(id) === 'false', `${id} shows in every workspace`);
    }
    assert.ok(sources(path.join(ROOT, 'src', 'extension')).some((f) => readFileSync(f, 'utf8').includes('CONTEXT_KEYS.hasProjects')), 'nothing sets the context key');
  });

  it('opens the A4 preview with Ctrl+K V in the project YAML documents, as Markdown does', () => {
    const keys = manifest.contributes.keybindings as Array<{ command: string; key: string; mac: string; when: string }>;
    const preview = keys.find((k) => k.command === COMMANDS.previewOpen);
    assert.deepEqual(preview && [preview.key, preview.mac], ['ctrl+k v', 'cmd+k v']);
    assert.match(preview?.when ?? '', /editorTextFocus && resourceFilename =~/);
    for (const k of keys) assert.ok(contributed.includes(k.command), k.command);
  });

  it('declares Restricted Mode and virtual workspaces as limited, and keeps the browser path out of workspaces', () => {
    const full = JSON.parse(read('package.json')) as {
      capabilities: { untrustedWorkspaces: { supported: string; description: string; restrictedConfigurations: string[] }; virtualWorkspaces: { supported: string; description: string } };
      keywords: string[];
      contributes: { configuration: { properties: Record<string, { scope?: string; markdownDescription?: string; properties?: Record<string, { markdownDescription?: string }> }> } };
    };
    assert.equal(full.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(full.capabilities.untrustedWorkspaces.restrictedConfigurations, [SETTINGS.browserPath]);
    assert.equal(full.capabilities.virtualWorkspaces.supported, 'limited');
    for (const text of [full.capabilities.untrustedWorkspaces.description, full.capabilities.virtualWorkspaces.description]) for (const t of localised(text)) assert.match(t, /pdf/i);
    assert.equal(full.contributes.configuration.properties[SETTINGS.browserPath].scope, 'machine');
    assert.ok(full.keywords.length >= 8 && full.keywords.includes('PRINCE2'));
    // Every rule severity setting explains itself in both languages.
    const rules = full.contributes.configuration.properties[SETTINGS.rules].properties ?? {};
    assert.deepEqual(Object.keys(rules).sort(), [...METHOD_RULE_CODES].sort());
    for (const [code, rule] of Object.entries(rules)) for (const t of localised(rule.markdownDescription ?? '')) assert.ok(t.length > 20 && !t.startsWith('%'), `${code}: ${t}`);
  });

  it('gives every walkthrough step a page in English and one in Dutch, naming the same keys and real snippet prefixes', () => {
    const prefixes = new Set(readdirSync(path.join(ROOT, 'snippets')).flatMap((f) => Object.values(JSON.parse(read(`snippets/${f}`)) as Record<string, { prefix: string[] }>).map((s) => s.prefix[0])));
    const steps = manifest.contributes.walkthroughs[0].steps;
    for (const step of steps) {
      const [en, nl] = localised(step.media.markdown ?? '');
      assert.match(en, /^media\/walkthrough\/[a-z0-9-]+\.md$/);
      assert.equal(nl, en.replace('media/walkthrough/', 'media/walkthrough/nl/'));
      const [english, dutch] = [read(en), read(nl)];
      assert.notEqual(dutch, english);
      // The YAML keys of the format stay English in both (docs/FORMAT.md); the snippets named exist.
      const keys = (text: string): string[] => [...new Set([...text.matchAll(/\*\*([a-z_]+)\*\*|`([a-z_]+)`/g)].map((m) => m[1] ?? m[2]))].sort();
      assert.deepEqual(keys(english).filter((key) => !keys(dutch).includes(key)), [], `${nl} leaves out keys of ${en}`);
      for (const text of [english, dutch]) for (const m of text.matchAll(/`(msp-[a-z-]+)`/g)) assert.ok(prefixes.has(m[1]), `${m[1]} in ${en} or ${nl} is no snippet prefix`);
    }
    assert.equal(readdirSync(path.join(ROOT, 'media', 'walkthrough', 'nl')).length, steps.length);
  });

  it('contributes the msp-docs task type, running the bundled command line with the $msp-docs problem matcher', () => {
    const full = JSON.parse(read('package.json')) as {
      contributes: {
        taskDefinitions: Array<{ type: string; when?: string; required?: string[]; properties: Record<string, { enum?: string[]; description: string; items?: { type: string } }> }>;
        problemMatchers: Array<{ name: string; owner: string; source: string }>;
      };
    };
    assert.deepEqual(full.contributes.taskDefinitions.map((d) => d.type), [TASKS.type]);
    const [definition] = full.contributes.taskDefinitions;
    assert.deepEqual(definition.required, ['command']);
    assert.deepEqual(definition.properties.command.enum, ['validate', 'render']);
    assert.deepEqual(Object.keys(definition.properties).sort(), ['args', 'command', 'paths']);
    assert.equal(definition.when, 'processExecutionSupported');
    for (const [name, property] of Object.entries(definition.properties)) {
      const [en, nl] = localised(property.description);
      assert.ok(en.length > 20 && nl.length > 20 && en !== nl, `${name}: ${en} / ${nl}`);
    }
    assert.deepEqual(full.contributes.problemMatchers.map((m) => `$${m.name}`), [TASKS.problemMatcher]);
    // VS Code keeps one set of problems per owner, and the extension's own diagnostic collection is
    // named msp-docs (src/extension/common/convert.ts, DIAGNOSTIC_SOURCE): with that owner a task run
    // and the extension overwrite each other's findings (so it was in the real VS Code).
    assert.deepEqual(full.contributes.problemMatchers.map((m) => [m.owner, m.source]), [['msp-docs-cli', 'msp-docs']]);
    assert.match(read('src/extension/common/convert.ts'), /DIAGNOSTIC_SOURCE = 'msp-docs';/);
    // The provider registers that type and runs dist/cli.js, which the .vsix therefore holds.
    const provider = read('src/extension/projects/validateTask.ts');
    assert.match(provider, /registerTaskProvider\(TASK_TYPE/);
    assert.match(provider, /joinPath\(extensionUri, 'dist', 'cli\.js'\)/);
    assert.match(read('.vscodeignore'), /^!dist\/cli\.js$/m);
    assert.equal(JSON.parse(read('l10n/bundle.l10n.nl.json'))['validate workspace'], 'werkruimte controleren');
  });

  it('completes every walkthrough step on an event', () => {
    for (const step of manifest.contributes.walkthroughs[0].steps) assert.ok(step.completionEvents?.length, JSON.stringify(step.description));
  });
});
