import { createSocket, type Socket } from 'node:dgram';

/** An SRV answer of {@link DnsServer}. */
export interface SrvAnswer {
  readonly target: string;
  readonly port: number;
  readonly priority?: number;
  readonly weight?: number;
}

/** A tiny authoritative DNS server on 127.0.0.1 for tests: answers A and SRV from `records`. */
export interface DnsServer {
  /** `127.0.0.1:<port>`, for `Resolver.setServers`. */
  readonly address: string;
  /** Answers by name; change them at will. An unknown name gets NXDOMAIN. */
  readonly a: Map<string, string[]>;
  readonly srv: Map<string, SrvAnswer[]>;
  close(): Promise<void>;
}

const TYPE_A = 1;
const TYPE_SRV = 33;

/** Starts a {@link DnsServer} on a free UDP port. */
export async function startDnsServer(): Promise<DnsServer> {
  const a = new Map<string, string[]>();
  const srv = new Map<string, SrvAnswer[]>();
  const socket: Socket = createSocket('udp4');
  socket.on('message', (query, peer) => {
    const { name, type, end } = readQuestion(query);
    const answers: Buffer[] = [];
    if (type === TYPE_A) {
      for (const ip of a.get(name) ?? []) answers.push(record(TYPE_A, Buffer.from(ip.split('.').map(Number))));
    } else if (type === TYPE_SRV) {
      for (const s of srv.get(name) ?? []) {
        const fixed = Buffer.alloc(6);
        fixed.writeUInt16BE(s.priority ?? 0, 0);
        fixed.writeUInt16BE(s.weight ?? 1, 2);
        fixed.writeUInt16BE(s.port, 4);
        answers.push(record(TYPE_SRV, Buffer.concat([fixed, encodeName(s.target)])));
      }
    }
    const known = a.has(name) || srv.has(name);
    const header = Buffer.alloc(12);
    query.copy(header, 0, 0, 2);
    header.writeUInt16BE(0x8400 | (query.readUInt16BE(2) & 0x0100) | (known ? 0 : 3), 2);
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(answers.length, 6);
    socket.send(Buffer.concat([header, query.subarray(12, end), ...answers]), peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${socket.address().port}`,
    a,
    srv,
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}

function readQuestion(query: Buffer): { name: string; type: number; end: number } {
  const labels: string[] = [];
  let offset = 12;
  while (query[offset]! !== 0) {
    const length = query[offset]!;
    labels.push(query.toString('ascii', offset + 1, offset + 1 + length));
    offset += length + 1;
  }
  const type = query.readUInt16BE(offset + 1);
  return { name: labels.join('.').toLowerCase(), type, end: offset + 5 };
}

/** An answer for the question's name (a pointer to offset 12), class IN, TTL 5 s. */
function record(type: number, data: Buffer): Buffer {
  const fixed = Buffer.alloc(12);
  fixed.writeUInt16BE(0xc00c, 0);
  fixed.writeUInt16BE(type, 2);
  fixed.writeUInt16BE(1, 4);
  fixed.writeUInt32BE(5, 6);
  fixed.writeUInt16BE(data.length, 10);
  return Buffer.concat([fixed, data]);
}

function encodeName(name: string): Buffer {
  const parts = name.split('.').filter((p) => p !== '');
  return Buffer.concat([
    ...parts.map((p) => Buffer.concat([Buffer.from([p.length]), Buffer.from(p, 'ascii')])),
    Buffer.from([0]),
  ]);
}
