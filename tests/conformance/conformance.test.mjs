// Conformance: the real @upstash/redis client (pinned in package-lock.json) against pmkv-proxy
// in front of a real redis-server. Both servers are started here on free loopback ports.
//
//   PMKV_PROXY_BIN=/path/to/pmkv-proxy node --test --test-concurrency=1 conformance.test.mjs
//
// With PMKV_CONFORMANCE_CLUSTER=1 the proxy is in front of a real local Redis Cluster instead
// (issue #23): 6 redis-server --cluster-enabled (3 masters, 3 replicas, redis-cli --cluster
// create), proxy started with --redis redis+cluster://... The same tests run; where keys in
// several hash slots meet in one MULTI/EXEC or MSETNX, the cluster answers Redis's CROSSSLOT
// error (as Upstash does) and the test says so.
//
// run.sh (the ctest entry) checks node and node_modules first.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const TOKEN = "conformance-token";
const RO_TOKEN = "conformance-readonly";
const CLUSTER = process.env.PMKV_CONFORMANCE_CLUSTER === "1";
const children = [];
let workDir;
let url;
let Redis;
let clusterPorts = []; // cluster mode: the ports of the 6 nodes

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function waitForPort(port, child, name, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) {
        reject(new Error(`${name} exited early with code ${child.exitCode}`));
        return;
      }
      const sock = connect(port, "127.0.0.1");
      sock.once("connect", () => {
        sock.destroy();
        resolve();
      });
      sock.once("error", () => {
        sock.destroy();
        if (Date.now() > deadline) reject(new Error(`${name} did not listen on ${port}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

function start(name, command, args, env) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  child.on("error", (e) => (stderr += String(e)));
  child.stderrText = () => stderr;
  children.push(child);
  return child;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Runs a program to its end: { code, stdout, stderr }.
function run(command, args, timeoutMs = 10000) {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? (error.code ?? -1) : 0, stdout, stderr }),
    );
  });
}

// redis-cli against one node (no redirections followed), its answer trimmed.
async function cli(port, ...args) {
  return (await run("redis-cli", ["-p", String(port), ...args])).stdout.trim();
}

// Redis Cluster's hash slot of a key: CRC16 (XMODEM) of the key, or of its {tag}, mod 16384.
function slotOf(key) {
  const open = key.indexOf("{");
  if (open >= 0) {
    const close = key.indexOf("}", open + 1);
    if (close > open + 1) key = key.slice(open + 1, close);
  }
  let crc = 0;
  for (const byte of Buffer.from(key)) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc % 16384;
}

function portFree(port) {
  return new Promise((resolve) => {
    const s = createServer();
    s.once("error", () => resolve(false));
    s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
  });
}

// A loopback port that is free together with its cluster bus port (+10000).
async function freeClusterPort(taken) {
  for (let attempt = 0; attempt < 500; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 30000);
    if (taken.has(port) || taken.has(port + 10000)) continue;
    if ((await portFree(port)) && (await portFree(port + 10000))) return port;
  }
  throw new Error("no free pair of loopback ports for a cluster node");
}

// The cluster's masters now (asked of each node).
async function clusterMasters() {
  const masters = [];
  for (const port of clusterPorts) if ((await cli(port, "role")).startsWith("master")) masters.push(port);
  return masters;
}

// 3 masters + 3 replicas in workDir, joined by redis-cli --cluster create; resolves once every
// node says cluster_state:ok and knows the 6 nodes, and every replica is in sync. Answers the
// proxy's address, a replica named first: which node the address starts with must not matter.
async function startCluster() {
  const taken = new Set();
  for (let i = 0; i < 6; i++) {
    const port = await freeClusterPort(taken);
    taken.add(port).add(port + 10000);
    clusterPorts.push(port);
  }
  for (const port of clusterPorts) {
    const dir = join(workDir, String(port));
    mkdirSync(dir);
    const node = start(`redis-server ${port}`, "redis-server", [
      "--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir,
      "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "5000",
    ]);
    await waitForPort(port, node, `redis-server ${port}`);
  }
  const created = await run("redis-cli", [
    "--cluster", "create", ...clusterPorts.map((p) => `127.0.0.1:${p}`), "--cluster-replicas", "1", "--cluster-yes",
  ], 120000);
  assert.match(created.stdout, /\[OK\] All 16384 slots covered/, `redis-cli --cluster create: ${created.stdout}${created.stderr}`);
  const deadline = Date.now() + 60000;
  for (const port of clusterPorts) {
    for (;;) {
      const info = await cli(port, "cluster", "info");
      const replication = await cli(port, "info", "replication");
      const synced = !replication.includes("role:slave") || replication.includes("master_link_status:up");
      if (info.includes("cluster_state:ok") && info.includes("cluster_known_nodes:6") && synced) break;
      if (Date.now() > deadline) throw new Error(`cluster node ${port} is not healthy: ${info} ${replication}`);
      await sleep(100);
    }
  }
  const masters = await clusterMasters();
  assert.equal(masters.length, 3);
  const replicas = clusterPorts.filter((p) => !masters.includes(p));
  return `redis+cluster://${[...replicas, ...masters].map((p) => `127.0.0.1:${p}`).join(",")}`;
}

function client(extra = {}) {
  return new Redis({ url, token: TOKEN, retry: false, ...extra });
}

before(async () => {
  const proxyBin = process.env.PMKV_PROXY_BIN;
  assert.ok(proxyBin, "set PMKV_PROXY_BIN to the pmkv-proxy executable");
  ({ Redis } = await import("@upstash/redis"));
  workDir = mkdtempSync(join(tmpdir(), "pmkv-conformance-"));
  let redisUrl;
  if (CLUSTER) {
    redisUrl = await startCluster();
  } else {
    const redisPort = await freePort();
    const redis = start("redis-server", "redis-server", [
      "--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
      "--dir", workDir,
    ]);
    await waitForPort(redisPort, redis, "redis-server");
    redisUrl = `redis://127.0.0.1:${redisPort}`;
  }
  const proxyPort = await freePort();
  const proxy = start("pmkv-proxy", proxyBin, [
    "--listen", `127.0.0.1:${proxyPort}`, "--redis", redisUrl,
  ], { PMKV_PROXY_TOKEN: TOKEN, PMKV_PROXY_READONLY_TOKEN: RO_TOKEN });
  await waitForPort(proxyPort, proxy, "pmkv-proxy");
  url = `http://127.0.0.1:${proxyPort}`;
});

after(async () => {
  for (const c of children.reverse()) {
    if (c.exitCode === null) {
      c.kill("SIGTERM");
      await new Promise((r) => c.once("exit", r));
    }
  }
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe("values", () => {
  test("strings, numbers and objects round-trip", async () => {
    const r = client();
    assert.equal(await r.set("c:s", "hello"), "OK");
    assert.equal(await r.get("c:s"), "hello");
    await r.set("c:n", 42);
    assert.equal(await r.get("c:n"), 42);
    await r.set("c:f", 1.5);
    assert.equal(await r.get("c:f"), 1.5);
    const doc = { id: "F-AI-001", tags: ["a", "b"], estimate: { storyPoints: 3 }, deleted: false, due: null };
    await r.set("c:o", doc);
    assert.deepEqual(await r.get("c:o"), doc);
    // What lands in Redis is JSON.stringify of the object, as the application expects.
    const raw = client({ automaticDeserialization: false });
    assert.equal(await raw.get("c:o"), JSON.stringify(doc));
    assert.equal(await r.get("c:missing"), null);
    assert.equal(await r.incr("c:counter"), 1);
    assert.equal(await r.incrby("c:counter", 41), 42);
  });

  test("binary-safe strings (control characters, NUL, astral plane, CRLF)", async () => {
    const raw = client({ automaticDeserialization: false });
    let all = "";
    for (let i = 0; i < 0x300; i++) all += String.fromCharCode(i);
    const values = [all, "\u0000nul\u0000", "line\r\nbreak", "😀 ünïcödé €", '"quoted" \\ /slash/', "OK", ""];
    for (const [i, v] of values.entries()) {
      assert.equal(await raw.set(`c:bin:${i}`, v), "OK");
      assert.equal(await raw.get(`c:bin:${i}`), v, `value ${i}`);
      assert.equal(await raw.strlen(`c:bin:${i}`), Buffer.byteLength(v, "utf8"), `length ${i}`);
    }
    // Without base64 the same bytes come back too.
    const plain = client({ automaticDeserialization: false, responseEncoding: false });
    assert.equal(await plain.get("c:bin:0"), all);
    assert.equal(await plain.get("c:bin:3"), values[3]);
  });

  test("5 MB values", async () => {
    const r = client({ automaticDeserialization: false });
    const big = "0123456789abcdéf".repeat((5 * 1024 * 1024) / 16);
    assert.equal(await r.set("c:big", big), "OK");
    assert.equal(await r.strlen("c:big"), Buffer.byteLength(big));
    const back = await r.get("c:big");
    assert.equal(back.length, big.length);
    assert.ok(back === big);
  });

  test("a body over the cap is refused with ERR max request size exceeded", async () => {
    const r = client({ automaticDeserialization: false });
    await assert.rejects(r.set("c:huge", "x".repeat(11 * 1024 * 1024)), /ERR max request size exceeded/);
    assert.equal(await r.exists("c:huge"), 0);
    assert.equal(await r.get("c:s"), "hello"); // still serving
  });
});

describe("pipelines and transactions", () => {
  test("auto-pipelining batches concurrent commands", async () => {
    const r = client({ enableAutoPipelining: true });
    const n = 50;
    const sets = await Promise.all(Array.from({ length: n }, (_, i) => r.set(`c:auto:${i}`, { i })));
    assert.deepEqual(sets, Array(n).fill("OK"));
    const gets = await Promise.all(Array.from({ length: n }, (_, i) => r.get(`c:auto:${i}`)));
    assert.deepEqual(gets, Array.from({ length: n }, (_, i) => ({ i })));
    assert.ok(r.pipelineCounter <= 4, `expected a few pipelines, got ${r.pipelineCounter}`);
    await assert.rejects(Promise.all([r.set("c:auto:s", "text"), r.incr("c:auto:s")]), /ERR value is not an integer/);
  });

  test("explicit pipeline with a failing command", async () => {
    const r = client();
    const p = r.pipeline();
    p.set("c:pipe", "text");
    p.incr("c:pipe");
    p.get("c:pipe");
    p.set("c:pipe:n", 1);
    p.incr("c:pipe:n");
    const items = await p.exec({ keepErrors: true });
    assert.equal(items.length, 5);
    assert.equal(items[0].result, "OK");
    assert.match(items[1].error, /ERR value is not an integer or out of range/);
    assert.equal(items[1].result, undefined);
    assert.equal(items[2].result, "text");
    assert.equal(items[4].result, 2);
    // Not atomic: the commands after the failure ran.
    assert.equal(await r.get("c:pipe:n"), 2);
    const q = r.pipeline();
    q.set("c:pipe2", "x");
    q.incr("c:pipe2");
    await assert.rejects(q.exec(), /ERR value is not an integer/);
  });

  test("multi / exec on one key", async () => {
    const r = client();
    const tx = r.multi();
    tx.set("c:tx", 10);
    tx.incr("c:tx");
    tx.get("c:tx");
    tx.del("c:tx");
    assert.deepEqual(await tx.exec(), ["OK", 11, 11, 1]);
    const bad = r.multi();
    bad.set("c:tx2", "a");
    bad.evalsha("0000000000000000000000000000000000000000", [], []);
    await assert.rejects(bad.exec(), /NOSCRIPT/);
  });

  test("multi / exec over several keys: atomic within one hash slot, CROSSSLOT across slots on a cluster", async () => {
    const r = client();
    // One hash tag, one slot: the transaction runs on a cluster as on one Redis.
    const a = "{c:acct}:a";
    const b = "{c:acct}:b";
    assert.equal(slotOf(a), slotOf(b));
    const tx = r.multi();
    tx.set(a, 100);
    tx.set(b, 0);
    tx.decrby(a, 30);
    tx.incrby(b, 30);
    tx.mget(a, b);
    assert.deepEqual(await tx.exec(), ["OK", "OK", 70, 30, [70, 30]]);
    // Keys in two slots: one Redis runs it; a cluster refuses all of it, as Upstash does.
    assert.notEqual(slotOf("c:xa"), slotOf("c:xb"));
    const cross = r.multi();
    cross.set("c:xa", 1);
    cross.incr("c:xb");
    if (CLUSTER) {
      await assert.rejects(cross.exec(), /CROSSSLOT Keys in request don't hash to the same slot/);
      assert.equal(await r.exists("c:xa", "c:xb"), 0, "nothing of the refused transaction ran");
    } else {
      assert.deepEqual(await cross.exec(), ["OK", 1]);
    }
  });

  test("mset and mget across slots; msetnx within one slot, CROSSSLOT across slots on a cluster", async () => {
    const r = client();
    const keys = ["c:m1", "c:m2", "c:m3"];
    assert.ok(new Set(keys.map(slotOf)).size > 1, "the keys are in several slots");
    assert.equal(await r.mset({ "c:m1": 1, "c:m2": { two: 2 }, "c:m3": "three" }), "OK");
    assert.deepEqual(await r.mget("c:m3", "c:nope", "c:m1", "c:m2"), ["three", null, 1, { two: 2 }]);
    assert.equal(await r.msetnx({ "{c:m}1": "a", "{c:m}2": "b" }), 1);
    assert.equal(await r.msetnx({ "{c:m}2": "x", "{c:m}3": "y" }), 0);
    assert.deepEqual(await r.mget("{c:m}1", "{c:m}2", "{c:m}3"), ["a", "b", null]);
    assert.notEqual(slotOf("c:m4"), slotOf("c:m5"));
    if (CLUSTER) {
      await assert.rejects(r.msetnx({ "c:m4": 4, "c:m5": 5 }), /CROSSSLOT/);
      assert.equal(await r.exists("c:m4", "c:m5"), 0);
    } else {
      assert.equal(await r.msetnx({ "c:m4": 4, "c:m5": 5 }), 1);
    }
  });

  test("concurrent transactions all succeed and stay atomic", async () => {
    const clients = Array.from({ length: 8 }, () => client());
    const runs = [];
    for (let i = 0; i < 40; i++) {
      const tx = clients[i % clients.length].multi();
      tx.incr("c:ctx");
      tx.incr("c:ctx");
      runs.push(tx.exec());
    }
    const results = await Promise.all(runs);
    const seconds = new Set();
    for (const [a, b] of results) {
      assert.equal(b, a + 1, "nothing runs between the commands of one transaction");
      seconds.add(b);
    }
    assert.equal(seconds.size, 40);
    assert.equal(await clients[0].get("c:ctx"), 80);
  });
});

describe("keys", () => {
  test("scan with match and count visits every key once", async () => {
    const r = client();
    const want = new Set();
    const p = r.pipeline();
    for (let i = 0; i < 120; i++) {
      p.set(`c:scan:${i}`, i);
      want.add(`c:scan:${i}`);
    }
    await p.exec();
    const seen = new Map();
    let cursor = "0";
    let rounds = 0;
    do {
      const [next, keys] = await r.scan(cursor, { match: "c:scan:*", count: 25 });
      keys.forEach((k) => seen.set(k, (seen.get(k) ?? 0) + 1));
      cursor = String(next);
      rounds++;
    } while (cursor !== "0" && rounds < 1000);
    assert.deepEqual([...seen.keys()].sort(), [...want].sort());
    assert.deepEqual([...seen.entries()].filter(([, n]) => n !== 1), [], "no key comes twice");
    assert.ok(rounds > 1, "the scan took several rounds");
    if (CLUSTER) {
      // The keys are spread over the masters, and the one scan went through all of them.
      const masters = await clusterMasters();
      let total = 0;
      let onMasters = 0;
      for (const port of masters) {
        const here = (await cli(port, "--scan", "--pattern", "c:scan:*")).split("\n").filter(Boolean);
        assert.ok(here.length > 0, `master ${port} holds some of the keys`);
        onMasters += here.length;
        total += Number(await cli(port, "dbsize"));
      }
      assert.equal(onMasters, want.size);
      assert.equal(await r.dbsize(), total, "DBSIZE is the sum over the masters");
    }
    assert.deepEqual((await r.keys("c:scan:1?")).sort(), Array.from({ length: 10 }, (_, i) => `c:scan:1${i}`).sort());
  });

  test("del, exists and ttl", async () => {
    const r = client();
    // In two hash slots: on a cluster, EXISTS and DEL are split per slot and their counts added.
    assert.notEqual(slotOf("c:k1"), slotOf("c:k2"));
    await r.set("c:k1", "a");
    await r.set("c:k2", "b", { ex: 100 });
    assert.equal(await r.exists("c:k1", "c:k2", "c:nope"), 2);
    const ttl = await r.ttl("c:k2");
    assert.ok(ttl > 90 && ttl <= 100, `ttl ${ttl}`);
    assert.equal(await r.ttl("c:k1"), -1);
    assert.equal(await r.ttl("c:nope"), -2);
    assert.equal(await r.expire("c:k1", 50), 1);
    assert.ok((await r.pttl("c:k1")) > 40000);
    assert.equal(await r.del("c:k1", "c:k2", "c:nope"), 2);
    assert.equal(await r.exists("c:k1", "c:k2"), 0);
  });

  test("the sync token changes after writes", async () => {
    const r = client();
    await r.get("c:s");
    const before = r.readYourWritesSyncToken;
    assert.ok(before, "the proxy sends upstash-sync-token");
    await r.get("c:s");
    assert.equal(r.readYourWritesSyncToken, before);
    await r.set("c:sync", 1);
    assert.notEqual(r.readYourWritesSyncToken, before);
  });
});

describe("auth", () => {
  test("read-only token reads but may not write or scan", async () => {
    const ro = new Redis({ url, token: RO_TOKEN, retry: false });
    assert.equal(await ro.get("c:s"), "hello");
    assert.equal(await ro.exists("c:s"), 1);
    await assert.rejects(ro.set("c:s", "changed"), /NOPERM/);
    await assert.rejects(ro.del("c:s"), /NOPERM/);
    await assert.rejects(ro.scan(0), /NOPERM/);
    await assert.rejects(ro.keys("*"), /NOPERM/);
    const tx = ro.multi();
    tx.get("c:s");
    tx.incr("c:s");
    await assert.rejects(tx.exec(), /NOPERM/);
    assert.equal(await client().get("c:s"), "hello");
  });

  test("wrong token is refused", async () => {
    const bad = new Redis({ url, token: "not-the-token", retry: false });
    await assert.rejects(bad.get("c:s"), /WRONGPASS invalid or missing auth token/);
    await assert.rejects(bad.pipeline().set("c:s", 1).exec(), /WRONGPASS/);
  });
});

describe("pub/sub", () => {
  test("subscribe and psubscribe receive what publish sends", async () => {
    const r = client();
    const sub = r.subscribe(["c:news"]);
    const psub = r.psubscribe(["c:n*"]);
    const got = [];
    const pgot = [];
    const subscribed = new Promise((resolve) => sub.on("subscribe", resolve));
    const psubscribed = new Promise((resolve) => psub.on("psubscribe", resolve));
    sub.on("message", (m) => got.push(m));
    psub.on("pmessage", (m) => pgot.push(m));
    await Promise.all([subscribed, psubscribed]);
    assert.equal(await r.publish("c:news", { headline: "hi" }), 2);
    assert.equal(await r.publish("c:news", "plain, with commas"), 2);
    const deadline = Date.now() + 10000;
    while ((got.length < 2 || pgot.length < 2) && Date.now() < deadline) await sleep(20);
    assert.deepEqual(got, [
      { channel: "c:news", message: { headline: "hi" } },
      { channel: "c:news", message: "plain, with commas" },
    ]);
    assert.deepEqual(pgot[0], { pattern: "c:n*", channel: "c:news", message: { headline: "hi" } });
    if (CLUSTER) {
      // A message published on any node of the cluster reaches the subscribers too.
      const elsewhere = clusterPorts[clusterPorts.length - 1];
      await cli(elsewhere, "publish", "c:news", "\"from a node\"");
      const until = Date.now() + 10000;
      while (got.length < 3 && Date.now() < until) await sleep(20);
      assert.deepEqual(got[2], { channel: "c:news", message: "from a node" });
    }
    await sub.unsubscribe();
    await psub.unsubscribe();
    const gone = Date.now() + 5000;
    while ((await r.publish("c:news", "x")) !== 0 && Date.now() < gone) await sleep(50);
    assert.equal(await r.publish("c:news", "x"), 0);
  });
});
