#!/usr/bin/python3
"""Times the Java kernel as Jupyter sees it: start-up and a trivial cell's round trip.

Usage (with Debian's Jupyter; the kernel spec is whatever `hitchhiker` resolves to, e.g. the one
`./hhg notebook --install-only` installs, or a directory given in JUPYTER_PATH):

    /usr/bin/python3 notebooks/src/test/python/kernel_timing.py [starts] [cells]

Prints, for `starts` fresh kernels, the time from starting the process to the kernel's first
kernel_info reply ("ready") and to the result of its first cell; then, on one kernel, the median
and quartiles of `cells` round trips of `1 + 1` (execute_request sent until the kernel is idle again,
its result received).
"""
import os
import statistics
import sys
import time

from jupyter_client.manager import KernelManager


def quartiles(xs):
    q = statistics.quantiles(xs, n=4)
    return q[0], statistics.median(xs), q[2]


def cpu_seconds(pid):
    """User + system CPU time of a process and all its descendants, from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open("/proc/%d/stat" % p) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
            with open("/proc/%d/task/%d/children" % (p, p)) as f:
                todo.extend(int(c) for c in f.read().split())
        except OSError:
            pass
    return total


def run_cell(client, code):
    msg_id = client.execute(code)
    result = None
    while True:
        msg = client.get_iopub_msg(timeout=60)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        if kind == "execute_result":
            result = msg["content"]["data"].get("text/plain")
        elif kind == "error":
            raise RuntimeError("\n".join(msg["content"]["traceback"]))
        elif kind == "status" and msg["content"]["execution_state"] == "idle":
            return result


def main():
    starts = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    cells = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    ready, first, cpu = [], [], []
    for i in range(starts):
        km = KernelManager(kernel_name="hitchhiker")
        t0 = time.perf_counter()
        km.start_kernel()
        client = km.client()
        client.start_channels()
        client.wait_for_ready(timeout=120)
        ready.append(time.perf_counter() - t0)
        assert run_cell(client, "1 + 1") == "2"
        first.append(time.perf_counter() - t0)
        cpu.append(cpu_seconds(km.provisioner.process.pid))
        if i + 1 < starts:
            client.stop_channels()
            km.shutdown_kernel(now=False)
    for _ in range(5):
        run_cell(client, "1 + 1")  # the first cells compile JShell's own code paths
    trips = []
    cpu0 = cpu_seconds(km.provisioner.process.pid)
    for i in range(cells):
        t0 = time.perf_counter()
        assert run_cell(client, "%d + 1" % i) == str(i + 1)
        trips.append(time.perf_counter() - t0)
    cell_cpu = (cpu_seconds(km.provisioner.process.pid) - cpu0) / cells
    client.stop_channels()
    km.shutdown_kernel(now=False)
    print("load average at the end: %.1f %.1f %.1f on %d cores" % (*os.getloadavg(), os.cpu_count()))
    print("kernel start to ready (kernel_info reply): median %.2f s over %d starts" % (statistics.median(ready), starts))
    print("kernel start to first cell's result:       median %.2f s over %d starts" % (statistics.median(first), starts))
    print("CPU time of the kernel's processes by then: median %.2f s" % statistics.median(cpu))
    q1, med, q3 = quartiles(trips)
    print("trivial cell round trip (n + 1):           median %.1f ms (q1 %.1f, q3 %.1f) over %d cells; kernel CPU %.1f ms per cell"
          % (med * 1e3, q1 * 1e3, q3 * 1e3, cells, cell_cpu * 1e3))


if __name__ == "__main__":
    main()
