/**
 * A child process holding `count` idle event streams open (plain node:http, no
 * reconnects), so their client-side memory stays out of the server's figures.
 * Argv: url cookie count. Sends 'open' once every stream has its first bytes; exits on any message.
 */
import http from 'node:http';

const [url, cookie, countText] = process.argv.slice(2);
const count = Number(countText);
const agent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
let open = 0;
for (let i = 0; i < count; i++) {
  const request = http.get(url as string, { agent, headers: { cookie, accept: 'text/event-stream' } }, (response) => {
    if (response.statusCode !== 200) throw new Error(`stream answered ${response.statusCode}`);
    response.once('data', () => {
      open += 1;
      if (open === count) process.send?.('open');
    });
  });
  request.on('error', (error) => {
    console.error(error.message);
    process.exit(1);
  });
}
process.on('message', () => process.exit(0));
