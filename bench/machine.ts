/** The machine and software a benchmark ran on, for the table's header. */
import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Version of an installed package, read from its package.json (`?` when it cannot be read). */
export function packageVersion(name: string, from = process.cwd()): string {
  try {
    const file = require.resolve(`${name}/package.json`, { paths: [from] });
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    // Packages whose exports hide package.json: walk up from the main file.
    try {
      let dir = path.dirname(require.resolve(name, { paths: [from] }));
      while (dir !== path.dirname(dir)) {
        const candidate = path.join(dir, 'package.json');
        try {
          const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
          if (pkg.name === name && pkg.version) return pkg.version;
        } catch {
          // not here
        }
        dir = path.dirname(dir);
      }
    } catch {
      // not installed
    }
    return '?';
  }
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) return line.split(':')[1].trim();
  } catch {
    // not Linux
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

/** Lines describing the machine: CPUs (`nproc`), CPU model, memory, OS, Node, load. */
export function describeMachine(): string[] {
  const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  const load = os.loadavg().map((l) => l.toFixed(2)).join(', ');
  return [
    `CPUs (nproc): ${os.availableParallelism()}; CPU model: ${cpuModel()}`,
    `Memory: ${gib(os.totalmem())} (free at start: ${gib(os.freemem())})`,
    `OS: ${os.type()} ${os.release()} ${os.arch()}; Node.js ${process.version}`,
    `Load average (1, 5, 15 min) at start: ${load}`,
  ];
}
