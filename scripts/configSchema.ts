// Writes schemas/msp-docs.schema.json from src/cli/configSchema.ts: `npx tsx scripts/configSchema.ts`.
// test/unit/configSchema.test.ts fails when the file in the repository differs from what this writes.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { configSchema } from '../src/cli/configSchema';

const file = path.join(__dirname, '..', 'schemas', 'msp-docs.schema.json');
writeFileSync(file, `${JSON.stringify(configSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), file)}`);
