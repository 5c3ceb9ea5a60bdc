import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../../..");

/** True when Kannel and its fake SMSC are installed (`.ci/run` installs them). */
export function kannelInstalled(): boolean {
  try {
    readFileSync("/usr/lib/kannel/test/fakesmsc");
    return true;
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

export type ReceivedSms = { from: string; to: string; type: string; body: string };

export type KannelInstance = {
  /** The run folder: rendered kannel.conf, logs, pids, fakesmsc.log, the spool store. */
  dir: string;
  sendsmsUrl: string;
  username: string;
  password: string;
  maxParts: number;
  /** Every message part the fake SMSC received so far, in order (parsed from its own output). */
  received(): ReceivedSms[];
  stop(): Promise<void>;
  /** Starts bearerbox, smsbox and the fake SMSC again on the same ports (fault tests). */
  start(): Promise<void>;
  /** Stops everything and removes the temporary folder. */
  dispose(): Promise<void>;
};

/**
 * Starts a real bearerbox + smsbox + fake SMSC on free loopback ports in a temporary folder,
 * through the same scripts/kannel-start.sh and ops/kannel template operators use.
 */
export async function startKannel(
  opts: {
    maxParts?: number;
    throughput?: number;
    queueLimit?: number;
    inboundUrl?: string;
    /** Where the run folder (and so bearerbox's spool store) goes; the system temp dir by default. */
    baseDir?: string;
  } = {},
): Promise<KannelInstance> {
  const dir = mkdtempSync(path.join(opts.baseDir ?? os.tmpdir(), "vk-kannel-"));
  const [admin, smsbox, sendsms, fake] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const maxParts = opts.maxParts ?? 6;
  const env = {
    ...process.env,
    KANNEL_ADMIN_PORT: String(admin),
    KANNEL_SMSBOX_PORT: String(smsbox),
    KANNEL_SENDSMS_PORT: String(sendsms),
    KANNEL_FAKESMSC_PORT: String(fake),
    KANNEL_MAX_PARTS: String(maxParts),
    KANNEL_QUEUE_LIMIT: String(opts.queueLimit ?? 1000),
    KANNEL_THROUGHPUT: opts.throughput ? String(opts.throughput) : "",
    KANNEL_INBOUND_URL: opts.inboundUrl ?? "http://127.0.0.1:9/unused",
    KANNEL_USERNAME: "viestikone",
    KANNEL_PASSWORD: "test-secret",
  };
  const start = async () => {
    await run(path.join(root, "scripts/kannel-start.sh"), [dir], { env, cwd: root });
  };
  const stop = async () => {
    await run(path.join(root, "scripts/kannel-stop.sh"), [dir], { env, cwd: root });
    // bearerbox holds its ports for a moment after SIGTERM.
    await new Promise((r) => setTimeout(r, 500));
  };
  await start();
  return {
    dir,
    sendsmsUrl: `http://127.0.0.1:${sendsms}/cgi-bin/sendsms`,
    username: env.KANNEL_USERNAME,
    password: env.KANNEL_PASSWORD,
    maxParts,
    // The start script appends to fakesmsc.log, so it holds every run's messages.
    received: () => parseFakeSmscLog(readFileSync(path.join(dir, "fakesmsc.log"), "utf8")),
    start,
    stop,
    dispose: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Parses the fake SMSC's "Got message N: <from to type rest>" lines. */
export function parseFakeSmscLog(log: string): ReceivedSms[] {
  const out: ReceivedSms[] = [];
  for (const m of log.matchAll(/Got message \d+: <(\S+) (\S+) (\S+) ([\s\S]*?)>\n/g)) {
    out.push({ from: m[1]!, to: m[2]!, type: m[3]!, body: m[4]! });
  }
  return out;
}
