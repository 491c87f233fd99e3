'use strict';
// The floor under the network check's whole-process time: the same exchanges as the check (both
// DNS answers per host, every connection, TLS handshake and request, the NTP question), made by
// the plainest Node program, with no judgement, no report and nothing loaded but Node itself.
// The bench runs it beside the CLI, so the CLI's ratio can be read against what Node and OpenSSL
// need for the work alone on this machine. Not shipped; used only by network.bench.ts.
//
//   node bench/floor.cjs '<exchanges as JSON>'   (see exchangesOf in network.bench.ts)
//
// Exits 0 when every exchange was answered, 1 otherwise; gives up after 5 s.
const dns = require('node:dns');

/** @type {{ host: string; port: number; tls: boolean; http: boolean; ntp: boolean }[]} */
const exchanges = JSON.parse(process.argv[2] ?? '[]');
const giveUp = setTimeout(() => process.exit(1), 5000);

// Lookups first, in the order given (the CLI's: longest chains first), before anything else loads.
const resolver = new dns.promises.Resolver({ timeout: 2000, tries: 1 });
const answers = new Map();
function addressOf(host) {
  if (!answers.has(host)) {
    resolver.resolve4(host).catch(() => undefined);
    answers.set(
      host,
      dns.promises.lookup(host, { all: true }).then((all) => all[0].address),
    );
  }
  return answers.get(host);
}
for (const exchange of exchanges) void addressOf(exchange.host);

const dgram = require('node:dgram');
const net = require('node:net');
const tls = require('node:tls');
const context = tls.createSecureContext();

let open = exchanges.length;
let failed = 0;
function finished(ok) {
  if (!ok) failed += 1;
  open -= 1;
  if (open === 0) {
    clearTimeout(giveUp);
    process.exit(failed > 0 ? 1 : 0);
  }
}

function askTime(address) {
  const socket = dgram.createSocket('udp4');
  const request = Buffer.alloc(48);
  request[0] = 0x23; // NTP version 4, client
  socket.once('message', () => {
    socket.close();
    finished(true);
  });
  socket.once('error', () => finished(false));
  socket.send(request, 123, address);
}

function requestHead(socket, host) {
  socket.once('data', () => {
    socket.destroy();
    finished(true);
  });
  socket.write(`GET / HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
}

function connect(exchange, address) {
  if (exchange.tls) {
    const socket = tls.connect({
      host: address,
      port: exchange.port,
      servername: exchange.host,
      secureContext: context,
      rejectUnauthorized: false,
    });
    socket.once('error', () => finished(false));
    socket.once('secureConnect', () => {
      socket.getPeerX509Certificate(); // every check reads the certificate
      if (exchange.http) requestHead(socket, exchange.host);
      else {
        socket.destroy();
        finished(true);
      }
    });
    return;
  }
  const socket = net.connect({ host: address, port: exchange.port });
  socket.once('error', () => finished(false));
  socket.once('connect', () => {
    if (exchange.http) requestHead(socket, exchange.host);
    else {
      socket.destroy();
      finished(true);
    }
  });
}

if (open === 0) process.exit(0);
for (const exchange of exchanges) {
  addressOf(exchange.host).then(
    (address) => (exchange.ntp ? askTime(address) : connect(exchange, address)),
    () => finished(false),
  );
}
