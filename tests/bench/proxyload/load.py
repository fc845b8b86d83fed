#!/usr/bin/env python3
"""Load test for pmkv-proxy: idle connections + a large value + a timed simple GET.

Starts its own redis-server and pmkv-proxy on free loopback ports, so it never touches a
server of the user's. Prints figures; asserts nothing.
"""
import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

TOKEN = b"load-token"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, timeout=15.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.05)
    return False


def request(sock, method, target, body=b""):
    head = (b"%s %s HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\n"
            b"Content-Length: %d\r\n\r\n" % (method, target, TOKEN, len(body)))
    sock.sendall(head + body)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed")
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(rest) < length:
        chunk = sock.recv(min(1 << 20, length - len(rest)))
        if not chunk:
            raise ConnectionError("closed")
        rest += chunk
    return status, rest[:length]


def rss(pid):
    now = peak = 0
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                now = int(line.split()[1]) * 1024
            elif line.startswith("VmHWM:"):
                peak = int(line.split()[1]) * 1024
    return now, peak


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--proxy", required=True)
    ap.add_argument("--seconds", type=float, default=15.0)
    ap.add_argument("--idle", type=int, default=2000)
    ap.add_argument("--value-mib", type=int, default=300)
    ap.add_argument("--max-response-mib", type=int, default=64)
    args = ap.parse_args()
    if not os.path.exists(args.proxy) or not shutil.which("redis-server"):
        print("proxyload: needs redis-server and", args.proxy)
        return 1

    tmp = tempfile.mkdtemp(prefix="pmkv-proxyload-")
    redis_port, proxy_port = free_port(), free_port()
    redis = subprocess.Popen(["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1",
                              "--save", "", "--appendonly", "no", "--dir", tmp],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    proxy = None
    idle = []
    try:
        if not wait_port(redis_port):
            print("proxyload: redis-server did not start")
            return 1
        # The large value, sent over RESP (no command line is that long).
        value_bytes = args.value_mib << 20
        with socket.create_connection(("127.0.0.1", redis_port)) as r:
            r.sendall(b"*3\r\n$3\r\nSET\r\n$7\r\nbig:val\r\n$%d\r\n" % value_bytes)
            block = b"v" * (1 << 20)
            for _ in range(args.value_mib):
                r.sendall(block)
            r.sendall(b"\r\n*3\r\n$3\r\nSET\r\n$9\r\nsmall:key\r\n$5\r\nhello\r\n")
            got = b""
            while got.count(b"\r\n") < 2:
                got += r.recv(100)
        max_response = args.max_response_mib << 20
        env = dict(os.environ, PMKV_PROXY_TOKEN=TOKEN.decode())
        proxy = subprocess.Popen([args.proxy, "--listen", f"127.0.0.1:{proxy_port}",
                                  "--redis", f"redis://127.0.0.1:{redis_port}",
                                  "--max-response", str(max_response)],
                                 env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not wait_port(proxy_port):
            print("proxyload: pmkv-proxy did not start")
            return 1
        _, base_peak = rss(proxy.pid)

        # Idle connections that never send a byte (the probe held 1,024).
        for _ in range(args.idle):
            try:
                idle.append(socket.create_connection(("127.0.0.1", proxy_port), timeout=5))
            except OSError:
                break
        time.sleep(0.5)

        stop = threading.Event()
        large = {"answers": 0, "statuses": {}, "errors": 0}

        def ask_large():
            while not stop.is_set():
                try:
                    with socket.create_connection(("127.0.0.1", proxy_port), timeout=30) as s:
                        while not stop.is_set():
                            status, _ = request(s, b"GET", b"/get/big:val")
                            large["answers"] += 1
                            large["statuses"][status] = large["statuses"].get(status, 0) + 1
                except (OSError, ConnectionError):
                    large["errors"] += 1
                    time.sleep(0.05)

        memory = {"peak": 0}

        def sample():
            while not stop.is_set():
                memory["peak"] = max(memory["peak"], rss(proxy.pid)[0])
                time.sleep(0.02)

        threads = [threading.Thread(target=ask_large), threading.Thread(target=sample)]
        for t in threads:
            t.start()
        latencies = []
        failures = 0
        end = time.monotonic() + args.seconds
        while time.monotonic() < end:
            t0 = time.perf_counter()
            try:
                with socket.create_connection(("127.0.0.1", proxy_port), timeout=10) as s:
                    status, body = request(s, b"GET", b"/get/small:key")
                if status != 200 or b"hello" not in body:
                    failures += 1
            except (OSError, ConnectionError):
                failures += 1
            latencies.append((time.perf_counter() - t0) * 1000)
            time.sleep(0.01)
        stop.set()
        for t in threads:
            t.join()
        still_open = 0
        for s in idle:
            try:
                s.setblocking(False)
                still_open += 0 if s.recv(1) == b"" else 1
            except BlockingIOError:
                still_open += 1
            except OSError:
                pass
        _, hwm = rss(proxy.pid)

        lat = sorted(latencies)
        p = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))]
        print(f"proxyload: {args.seconds:.0f} s, {len(idle)} idle connections opened "
              f"({still_open} still open at the end), a {args.value_mib} MiB value, "
              f"--max-response {args.max_response_mib} MiB")
        print(f"simple GET (new connection each): {len(lat)} requests, {failures} failed; "
              f"latency ms p50 {p(0.5):.2f}, p99 {p(0.99):.2f}, max {lat[-1]:.2f} "
              f"(target < 50 ms throughout: {'met' if lat[-1] < 50 and not failures else 'NOT met'})")
        print(f"large GET: {large['answers']} answers {large['statuses']}, "
              f"{large['errors']} connection errors")
        limit = max_response + (64 << 20)
        print(f"proxy memory: peak RSS {max(hwm, memory['peak']) / (1 << 20):.1f} MiB "
              f"(at start {base_peak / (1 << 20):.1f} MiB), limit --max-response + 64 MiB = "
              f"{limit / (1 << 20):.0f} MiB: {'met' if max(hwm, memory['peak']) < limit else 'NOT met'}")
        return 0
    finally:
        for s in idle:
            s.close()
        for p in (proxy, redis):
            if p and p.poll() is None:
                p.send_signal(signal.SIGTERM)
                try:
                    p.wait(10)
                except subprocess.TimeoutExpired:
                    p.kill()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
