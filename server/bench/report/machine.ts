import fs from 'node:fs';
import os from 'node:os';

/** What the figures were measured on. */
export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  ramGiB: number;
  node: string;
  loadAverage: string;
}

/** Reads the machine description from /proc and Node. */
export function describeMachine(): MachineInfo {
  const cpuinfo = safeRead('/proc/cpuinfo');
  const meminfo = safeRead('/proc/meminfo');
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  const memKb = Number(/MemTotal:\s+(\d+)/.exec(meminfo)?.[1] ?? os.totalmem() / 1024);
  return {
    cpus: os.availableParallelism(),
    cpuModel: model,
    ramGiB: Math.round((memKb / 1024 / 1024) * 10) / 10,
    node: process.version,
    loadAverage: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', '),
  };
}

function safeRead(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
