"""Executes notebooks headlessly with nbclient, as `jupyter nbconvert --execute` does, and writes
each executed notebook (outputs included) to an output directory.

    python3 run_notebooks.py KERNEL_NAME OUTPUT_DIR NOTEBOOK...

Cells tagged skip-execution are left out (nbclient's default). Each kernel starts in its
notebook's directory. Exits 1 at the first cell that fails, after writing that notebook with
the outputs so far and printing the error.
"""
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def main():
    kernel, out_dir, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(nb, kernel_name=kernel, timeout=300, startup_timeout=120,
                                resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
        t0 = time.perf_counter()
        failed = None
        try:
            client.execute()
        except CellExecutionError as e:
            failed = e
        out = os.path.join(out_dir, os.path.basename(path))
        nbformat.write(nb, out)
        print("%s: %.1f s%s" % (os.path.basename(path), time.perf_counter() - t0, " FAILED" if failed else ""), flush=True)
        if failed:
            print(failed, flush=True)
            sys.exit(1)


if __name__ == "__main__":
    main()
