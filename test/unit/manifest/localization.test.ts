import { readFileSync } from 'node:fs';
import path from 'node:path';
import { languageFiles } from '../../../scripts/manifest-languages';

const ROOT = path.join(__dirname, '..', '..', '..');
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>;
const manifest = readJson(path.join(ROOT, 'manifest', 'manifest.json'));
const polish = readJson(path.join(ROOT, 'manifest', 'pl-pl.json')) as Record<string, string>;
const schema = readJson(path.join(ROOT, 'node_modules', '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams', 'v1.25', 'MicrosoftTeams.Localization.schema.json'));

/** Every text of the default manifest that Teams lets a language file replace, by its localization key. */
function localizableTexts(m: Record<string, any>): Record<string, string> {
  const texts: Record<string, string> = {
    'name.short': m.name.short, 'name.full': m.name.full, 'description.short': m.description.short, 'description.full': m.description.full,
  };
  (m.bots[0].commandLists as { commands: { title: string; description: string }[] }[]).forEach((list, i) =>
    list.commands.forEach((command, j) => {
      texts[`bots[0].commandLists[${i}].commands[${j}].title`] = command.title;
      texts[`bots[0].commandLists[${i}].commands[${j}].description`] = command.description;
    }));
  return texts;
}

/** The property of the bundled Localization schema that governs a key, if any. */
function schemaFor(key: string): { maxLength?: number } | undefined {
  if (schema.properties[key]) return schema.properties[key];
  const pattern = Object.keys(schema.patternProperties).find((p) => new RegExp(p).test(key));
  return pattern ? schema.patternProperties[pattern] : undefined;
}

describe('the manifest in Polish', () => {
  const english = localizableTexts(manifest);
  const translated = Object.fromEntries(Object.entries(polish).filter(([key]) => key !== '$schema'));

  it('is declared in localizationInfo and packed by npm run package', () => {
    expect(manifest.localizationInfo).toEqual({ defaultLanguageTag: 'en-us', additionalLanguages: [{ languageTag: 'pl-pl', file: 'pl-pl.json' }] });
    expect(languageFiles(manifest)).toEqual(['pl-pl.json']);
  });

  it('has a Polish entry for every localizable text of the default, and nothing else', () => {
    expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
  });

  it('passes the bundled Localization schema: known keys, required ones, lengths', () => {
    expect(polish.$schema).toBe(manifest.$schema.replace('MicrosoftTeams.schema.json', 'MicrosoftTeams.Localization.schema.json'));
    expect((schema.required as string[]).filter((key) => !(key in polish))).toEqual([]);
    const problems = Object.entries(translated).flatMap(([key, value]) => {
      const rule = schemaFor(key);
      if (!rule) return [`${key}: not a key the schema knows`];
      return rule.maxLength !== undefined && value.length > rule.maxLength ? [`${key}: ${value.length} characters, over ${rule.maxLength}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('translates the name and every description; command titles stay the words the bot understands', () => {
    const same = Object.keys(english).filter((key) => translated[key] === english[key]);
    expect(same.filter((key) => !key.endsWith('.title'))).toEqual(['name.short']);
    expect(same.filter((key) => key.endsWith('.title')).length).toBe(Object.keys(english).filter((key) => key.endsWith('.title')).length);
  });
});
