"""Server processes that tests start: a free port to give them, and a clean stop."""

from __future__ import annotations

import socket
import subprocess


def free_port() -> int:
    """A port the OS has just found free (for servers that cannot bind port 0 themselves)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def stop(process: subprocess.Popen[bytes], timeout: float = 10) -> None:
    """Terminate, then kill if it does not exit within ``timeout`` seconds."""
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
