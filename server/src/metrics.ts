import { collectDefaultMetrics, Registry as PromRegistry } from 'prom-client';

/**
 * A small Prometheus text-format registry for the app's own counters, gauges
 * and histograms with fixed labels; hot paths (every sync frame) increment plain
 * numbers. The process's own metrics come from prom-client (below).
 */
type Labels = Record<string, string>;

abstract class Metric {
  constructor(
    readonly name: string,
    readonly help: string,
    readonly type: 'counter' | 'gauge' | 'histogram',
  ) {}
  abstract render(): string[];
}

function labelText(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`);
  return parts.length > 0 ? `{${parts.join(',')}}` : '';
}

export class Counter extends Metric {
  private values = new Map<string, { labels: Labels; value: number }>();
  constructor(name: string, help: string) {
    super(name, help, 'counter');
  }
  inc(amount = 1, labels?: Labels): void {
    // The unlabelled counters are bumped for every sync frame: no label text is built for them.
    const key = labels ? labelText(labels) : '';
    if (!labels) {
      const entry = this.values.get('');
      if (entry) {
        entry.value += amount;
        return;
      }
      labels = {};
    }
    const entry = this.values.get(key) ?? { labels, value: 0 };
    entry.value += amount;
    this.values.set(key, entry);
  }
  get(labels: Labels = {}): number {
    return this.values.get(labelText(labels))?.value ?? 0;
  }
  render(): string[] {
    if (this.values.size === 0) return [`${this.name} 0`];
    return [...this.values.values()].map((e) => `${this.name}${labelText(e.labels)} ${e.value}`);
  }
}

export class Gauge extends Metric {
  constructor(
    name: string,
    help: string,
    private readonly read: () => number,
  ) {
    super(name, help, 'gauge');
  }
  render(): string[] {
    return [`${this.name} ${this.read()}`];
  }
}

export class Histogram extends Metric {
  private counts: number[];
  private sum = 0;
  private count = 0;
  constructor(
    name: string,
    help: string,
    private readonly buckets: number[],
  ) {
    super(name, help, 'histogram');
    this.counts = buckets.map(() => 0);
  }
  observe(value: number): void {
    this.sum += value;
    this.count += 1;
    this.buckets.forEach((bound, i) => {
      if (value <= bound) this.counts[i] = (this.counts[i] ?? 0) + 1;
    });
  }
  render(): string[] {
    const lines = this.buckets.map((bound, i) => `${this.name}_bucket{le="${bound}"} ${this.counts[i]}`);
    lines.push(`${this.name}_bucket{le="+Inf"} ${this.count}`);
    lines.push(`${this.name}_sum ${this.sum}`, `${this.name}_count ${this.count}`);
    return lines;
  }
}

export class MetricsRegistry {
  private metrics: Metric[] = [];
  register<M extends Metric>(metric: M): M {
    this.metrics.push(metric);
    return metric;
  }
  /** The exposition text served at GET /metrics. */
  render(): string {
    const out: string[] = [];
    for (const m of this.metrics) out.push(`# HELP ${m.name} ${m.help}`, `# TYPE ${m.name} ${m.type}`, ...m.render());
    return `${out.join('\n')}\n`;
  }
}

/**
 * prom-client's default metrics (CPU, resident memory, heap spaces, GC, event-loop
 * lag, handles) in a registry of their own, served after ours at /metrics.
 */
export function createProcessMetrics(): PromRegistry {
  const registry = new PromRegistry();
  collectDefaultMetrics({ register: registry });
  return registry;
}
