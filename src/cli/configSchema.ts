/**
 * The JSON Schema of `.msp-docs.json` (`schemas/msp-docs.schema.json`), generated from the rule
 * codes (`METHOD_RULE_CODES`, `src/core/common/codes.ts`), their explanations and default severities
 * (`ruleHelp.ts`, `src/core/rules/`), the severities (`RULE_SEVERITIES`, `src/core/rules/config.ts`)
 * and the house style's fields (`src/core/render/houseStyleFile.ts`). `scripts/configSchema.ts`
 * writes it; `test/unit/configSchema.test.ts` checks that the file in the repository equals it.
 * VS Code validates `.msp-docs.json` with it (`jsonValidation` in `package.json`).
 */
import { METHOD_RULE_CODES } from '../core/common';
import { RULE_SEVERITIES } from '../core/rules';
import { ruleHelp } from './ruleHelp';

/** The schema as a JSON value (draft-07, which VS Code's JSON service supports fully). */
export function configSchema(): Record<string, unknown> {
  const rules = Object.fromEntries(
    METHOD_RULE_CODES.map((code) => {
      const help = ruleHelp(code);
      return [code, { $ref: '#/definitions/severity', description: `${help.short} ${help.full} Default: ${help.defaultSeverity}.`, markdownDescription: `${help.short} ${help.full}\n\nDefault: \`${help.defaultSeverity}\`. [More](${help.helpUri})` }];
    }),
  );
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://msp-docs.dev/schemas/msp-docs.schema.json',
    title: 'MSP Project Docs configuration (.msp-docs.json)',
    description: 'The severity of each method rule, the paths to leave out, and the house style of the A4 and Word exports. Read from the nearest .msp-docs.json from a project folder up.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: {
        type: 'object',
        description: 'A severity per method rule (docs/method-rules.md); "off" switches a rule off.',
        additionalProperties: false,
        properties: rules,
      },
      ignore: {
        type: 'array',
        description: 'Gitignore-style path patterns, relative to this file\'s folder, that the checks leave out.',
        items: { type: 'string' },
        examples: [['archive/', '**/drafts/']],
      },
      style: {
        type: 'object',
        description: 'The house style: the MSP\'s letterhead on the A4 (preview, HTML, PDF) and the Word file.',
        additionalProperties: false,
        properties: {
          company: { type: 'string', description: 'The MSP\'s name, in the title block and the Word header.' },
          logo: { type: 'string', description: 'A PNG or SVG file, relative to this file\'s folder: at most 512 KB and 6 times as wide as high.', pattern: '\\.(?:[pP][nN][gG]|[sS][vV][gG])$' },
          accentColor: { type: 'string', description: 'The accent colour as a CSS hex colour, e.g. #aa3300.', pattern: '^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$' },
          footer: { type: 'string', description: 'The text of the page footer of the PDF and the Word file, before the version, date and page.' },
        },
      },
    },
    definitions: {
      severity: { enum: [...RULE_SEVERITIES], description: 'error, warning, info, hint, or off.' },
    },
  };
}
