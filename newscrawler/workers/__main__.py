"""``python -m newscrawler.workers FD``: one extraction worker, started by the pool (pool.py)."""

import sys

from newscrawler.workers.worker import run

if __name__ == "__main__":
    run(int(sys.argv[1]))
