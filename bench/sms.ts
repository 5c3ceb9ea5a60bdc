/**
 * SMS benchmark (issue 6): an SMS campaign to N recipients through a real Kannel (bearerbox +
 * smsbox) to its fake SMSC, whose connection is limited to `--rate` messages per second by
 * Kannel's own `throughput` setting. `npm run bench -- sms [--n=100000] [--rate=500]`
 *
 *   ours       our dispatch (sendCampaign: claim → personalize → Kannel adapter → markSent, with
 *              continuation runs as the job would) of a started campaign, from the first claim
 *              until the fake SMSC has received all N messages (counted from its own output).
 *              Starting the campaign (render, materialize N delivery rows) is timed apart and
 *              printed, with the rate including it. Delivery reports flow back
 *              through the app's real route (and its group-commit writer) into the database
 *              during the run.
 *   target     the configured rate (the issue's measure): ours / rate ≥ 0.95.
 *   bare loop  printed beside it: a bare sendsms loop (keep-alive sockets, the same concurrency,
 *              503 → retry, no database) sending the same N texts into a fresh Kannel with the
 *              same settings, asking for the same delivery reports (answered 200 by an empty
 *              server), timed the same way. Kannel's `throughput` is not exact on the fake SMSC
 *              (500/s configured lets a bare loop through at ~800/s here), so this shows what
 *              Kannel itself manages when nothing else runs.
 *
 * Kannel's run folder (with bearerbox's spool store, a file per queued message) goes to
 * /dev/shm when there is one: on this VM's disk the spool alone made even the bare loop swing
 * between 460 and 980 msg/s from run to run, and PostgreSQL shares that disk here, which it
 * does not in production. Afterwards every recipient must have exactly one message at the SMSC
 * (zero duplicates, zero missing) and every delivery row must be sent or delivered; otherwise
 * the run fails. Database: PostgreSQL when DATABASE_URL is set (throwaway database), else PGlite.
 * Last line: `sms: ours=<msg/s> configured=<rate> ratio=<ours/rate> target=0.95 bare=<msg/s>` */
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { openBenchDb } from "./lib/bench-db";

const TARGET = 0.95;

function parseArgs(args: string[]) {
  const opts = { n: 100_000, rate: 500, concurrency: 16 };
  for (const a of args) {
    const m = /^--(n|rate|concurrency)=(\d+)$/.exec(a);
    if (!m) throw new Error(`unknown argument: ${a} (expected --n=, --rate= or --concurrency=)`);
    const v = Number(m[2]);
    if (!Number.isSafeInteger(v) || v < 1) throw new Error(`--${m[1]} must be a positive integer`);
    opts[m[1] as keyof typeof opts] = v;
  }
  return opts;
}

/** Counts the fake SMSC's "Got message" lines per recipient without keeping the bodies. */
function countReceived(dir: string): { total: number; perRecipient: Map<string, number> } {
  const log = readFileSync(path.join(dir, "fakesmsc.log"), "utf8");
  const perRecipient = new Map<string, number>();
  let total = 0;
  for (const m of log.matchAll(/Got message \d+: <\S+ (\S+) /g)) {
    total++;
    perRecipient.set(m[1]!, (perRecipient.get(m[1]!) ?? 0) + 1);
  }
  return { total, perRecipient };
}

/** Just the number of messages received, cheaply (polled while sending). */
function receivedCount(dir: string): number {
  const log = readFileSync(path.join(dir, "fakesmsc.log"), "latin1");
  let n = 0;
  for (let i = log.indexOf("Got message"); i !== -1; i = log.indexOf("Got message", i + 11)) n++;
  return n;
}

/** The bare sendsms loop: N messages, `concurrency` workers, 503 answered by a short wait. */
async function bareLoop(
  k: { sendsmsUrl: string; username: string; password: string; dir: string },
  n: number,
  concurrency: number,
): Promise<number> {
  const sink = http.createServer((_, res) => res.end("ok"));
  await new Promise<void>((r) => sink.listen(0, "127.0.0.1", r));
  const dlrUrl = `http://127.0.0.1:${(sink.address() as { port: number }).port}/dlr?type=%d`;
  const url = new URL(k.sendsmsUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const get = (q: string) =>
    new Promise<number>((resolve, reject) => {
      http
        .get({ host: url.hostname, port: url.port, path: `${url.pathname}?${q}`, agent }, (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        })
        .on("error", reject);
    });
  const t0 = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      const q = new URLSearchParams({
        username: k.username,
        password: k.password,
        from: "Kauppa",
        to: `+35850${1_000_000 + i}`,
        text: `Hei Etu${i}! Syysale alkaa huomenna, -20 % kaikesta. Tervetuloa myymälään!`,
        charset: "UTF-8",
        coding: "0",
        "dlr-mask": "31",
        "dlr-url": dlrUrl,
      }).toString();
      for (;;) {
        const status = await get(q);
        if (status === 202 || status === 200) break;
        if (status !== 503) throw new Error(`sendsms answered ${status}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  while (receivedCount(k.dir) < n) await new Promise((r) => setTimeout(r, 250));
  agent.destroy();
  sink.close();
  return n / ((performance.now() - t0) / 1000);
}

export async function main(args: string[]) {
  process.env.LOG_LEVEL ??= "warn";
  const opts = parseArgs(args);
  const { setDbHandle, queryRows } = await import("@/db");
  const { sql } = await import("drizzle-orm");
  const { createSmsCampaignSetup } = await import("@/lib/sms/testing/sms-campaign");
  const { createKannelGateway } = await import("@/lib/sms/kannel");
  const { startKannel } = await import("@/lib/sms/testing/kannel-fixture");
  const { sendCampaign } = await import("@/lib/campaigns/send");
  const { startCampaign } = await import("@/lib/campaigns/prepare");
  const { getCampaignOrThrow } = await import("@/lib/campaigns/queries");
  const { renderCampaign } = await import("@/lib/campaigns/renderer");
  const { GET } = await import("@/app/api/webhooks/sms/kannel/route");

  const kannelOpts = {
    throughput: opts.rate,
    queueLimit: opts.rate * 4,
    baseDir: existsSync("/dev/shm") ? "/dev/shm" : undefined,
  };
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, load ${os.loadavg()[0]}`);
  console.log(
    `kannel: fake SMSC throughput ${opts.rate}/s, queue limit ${opts.rate * 4}, run folder in ${kannelOpts.baseDir ?? os.tmpdir()}`,
  );
  const bare = await startKannel(kannelOpts);
  let reference: number;
  try {
    reference = await bareLoop(bare, opts.n, opts.concurrency);
  } finally {
    await bare.dispose();
  }
  console.log(`bare sendsms loop: ${reference.toFixed(1)} msg/s`);

  const bench = await openBenchDb();
  setDbHandle(bench.handle);
  const db = bench.handle.db;
  // Kannel's queue holds 4 s of traffic at the configured rate, as operators would size it.
  const kannel = await startKannel(kannelOpts);
  // Report latency per progress window: slow answers would back up smsbox's report queue.
  const latencies: number[] = [];
  const reports = http.createServer(async (req, res) => {
    const started = performance.now();
    const r = await GET(new Request(`http://127.0.0.1${req.url}`));
    res.statusCode = r.status;
    res.end(await r.text());
    latencies.push(performance.now() - started);
  });
  const reportStats = () => {
    const l = latencies.splice(0).sort((a, b) => a - b);
    const at = (p: number) => (l[Math.floor(p * (l.length - 1))] ?? 0).toFixed(1);
    return `${l.length} reports, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`;
  };
  await new Promise<void>((r) => reports.listen(0, "127.0.0.1", r));
  const reportUrl = `http://127.0.0.1:${(reports.address() as { port: number }).port}/dlr`;
  try {
    console.log(`database: ${bench.label}`);
    const s = await createSmsCampaignSetup(db, {
      contacts: opts.n,
      name: "Bench",
      text: "Hei {{ first_name }}! Syysale alkaa huomenna, -20 % kaikesta. Tervetuloa myymälään!",
    });
    const ids = { orgId: s.org.id, campaignId: s.campaign.id };
    const gateway = createKannelGateway({
      sendsmsUrl: kannel.sendsmsUrl,
      username: kannel.username,
      password: kannel.password,
      maxParts: kannel.maxParts,
      concurrency: opts.concurrency,
      reportUrl,
    });
    // Starting the campaign (readiness checks, render once, materialize N delivery rows) is a
    // one-time step before dispatch; it is timed on its own and printed, not in the rate.
    const tStart = performance.now();
    const started = await startCampaign(db, await getCampaignOrThrow(db, ids), {
      render: renderCampaign,
      now: new Date(),
    });
    if (started !== "started") throw new Error(`campaign not started: ${started}`);
    const startSeconds = (performance.now() - tStart) / 1000;
    console.log(`campaign started (${opts.n} delivery rows) in ${startSeconds.toFixed(1)} s`);
    const t0 = performance.now();
    // Progress every 10 s: what the SMSC received in that window (its rate is the bottleneck).
    let last = 0;
    const progress = setInterval(() => {
      const n = receivedCount(kannel.dir);
      const s = ((performance.now() - t0) / 1000).toFixed(0);
      console.log(
        `  ${s} s: ${n} at the SMSC (${((n - last) / 10).toFixed(0)}/s); ${reportStats()}`,
      );
      last = n;
    }, 10_000);
    let runs = 0;
    try {
      for (;;) {
        runs++;
        const r = await sendCampaign(db, ids, {
          gateway,
          render: renderCampaign,
          budgetMs: 30_000,
          maxWaitMs: 3_000,
        });
        if (r.state === "finished") break;
        if (r.state === "refused" || r.state === "stopped") throw new Error(`send ${r.state}`);
      }
    } finally {
      await gateway.close();
    }
    const tSent = performance.now();
    while (receivedCount(kannel.dir) < opts.n) {
      if (performance.now() - tSent > 120_000) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const t1 = performance.now();
    clearInterval(progress);
    const got = countReceived(kannel.dir);
    const dups = [...got.perRecipient.values()].filter((v) => v > 1).length;
    const missing = opts.n - got.perRecipient.size;
    const statuses = await queryRows<{ status: string; n: number }>(
      db,
      sql`select status, count(*)::int as n from deliveries where campaign_id = ${ids.campaignId}::uuid group by status order by status`,
    );
    const seconds = (t1 - t0) / 1000;
    const ours = opts.n / seconds;
    console.log(
      `sent: ${opts.n} in ${seconds.toFixed(1)} s (${runs} runs; our side done after ${((tSent - t0) / 1000).toFixed(1)} s)`,
    );
    console.log(
      `fake SMSC: ${got.total} messages, ${got.perRecipient.size} recipients, ${dups} duplicated, ${missing} missing`,
    );
    console.log(`delivery rows: ${statuses.map((s) => `${s.status} ${s.n}`).join(", ")}`);
    const bad = statuses.filter((s) => s.status !== "sent" && s.status !== "delivered");
    console.log(
      `including the campaign start: ${(opts.n / (seconds + startSeconds)).toFixed(1)} msg/s`,
    );
    console.log(
      `bare loop: ${reference.toFixed(1)} msg/s; ours / bare loop = ${(ours / reference).toFixed(3)}`,
    );
    console.log(
      `sms: ours=${ours.toFixed(1)} configured=${opts.rate} ratio=${(ours / opts.rate).toFixed(3)} target=${TARGET} bare=${reference.toFixed(1)}`,
    );
    if (dups || missing || bad.length) {
      console.error("FAILED: every recipient must get exactly one message");
      return 1;
    }
  } finally {
    reports.close();
    await kannel.dispose();
    setDbHandle(undefined);
    await bench.dispose();
  }
}
