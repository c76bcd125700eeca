import { Counter, Histogram, type MetricsRegistry } from '../metrics.ts';

/** The sync core's counters; gauges for rooms and connections are registered by the registry. */
export interface SyncMetrics {
  messagesIn: Counter;
  messagesOut: Counter;
  bytesIn: Counter;
  bytesOut: Counter;
  appendSeconds: Histogram;
  compactions: Counter;
  closes: Counter;
}

export function createSyncMetrics(registry: MetricsRegistry): SyncMetrics {
  return {
    messagesIn: registry.register(new Counter('samverka_sync_messages_in_total', 'Sync messages received')),
    messagesOut: registry.register(new Counter('samverka_sync_messages_out_total', 'Sync messages sent')),
    bytesIn: registry.register(new Counter('samverka_sync_bytes_in_total', 'Sync bytes received')),
    bytesOut: registry.register(new Counter('samverka_sync_bytes_out_total', 'Sync bytes sent')),
    appendSeconds: registry.register(
      new Histogram(
        'samverka_update_log_append_seconds',
        'Latency of one group commit to the update log',
        [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      ),
    ),
    compactions: registry.register(new Counter('samverka_compactions_total', 'Update-log compactions')),
    closes: registry.register(new Counter('samverka_sync_closes_total', 'Sockets closed by the server, by reason')),
  };
}
