/** House style fixtures: a real PNG built in memory, an SVG, and a sample copy with a `.msp-docs.json`. */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { deflateSync } from 'node:zlib';
import { SAMPLE } from './renderFixtures';

function crc32(data: Uint8Array): number {
  let c = -1;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return (c ^ -1) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** A `width` × `height` PNG filled with one RGB colour (PNG specification: IHDR, IDAT, IEND). */
export function solidPng(width: number, height: number, rgb: [number, number, number] = [200, 60, 20]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export const STYLE = { company: 'Noordlicht IT', logo: 'logo.png', accentColor: '#AA3300', footer: 'Noordlicht IT · Zwolle' };

/** Copies the sample into `dir/project` with `.msp-docs.json` (`config`) and `logo.png` (120 × 40) in `dir`. */
export function styledSample(dir: string, config: unknown = { style: STYLE }): string {
  const project = path.join(dir, 'project');
  mkdirSync(project, { recursive: true });
  for (const name of readdirSync(SAMPLE)) copyFileSync(path.join(SAMPLE, name), path.join(project, name));
  writeFileSync(path.join(dir, 'logo.png'), solidPng(120, 40));
  writeFileSync(path.join(dir, '.msp-docs.json'), typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  return project;
}
