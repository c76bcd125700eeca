/** The three servers the bench drives with the same client harness. */
export const SERVER_KINDS = ['ours', 'y-websocket-server', 'hocuspocus'] as const;

export type ServerKind = (typeof SERVER_KINDS)[number];

/** Display names for the table. */
export const SERVER_LABELS: Record<ServerKind, string> = {
  ours: 'ours (Samverka)',
  'y-websocket-server': '@y/websocket-server 0.1.1',
  hocuspocus: 'Hocuspocus 3.4.4 + SQLite',
};
