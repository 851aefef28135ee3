"""Helpers for the benchmark commands: CPU time that does not depend on how busy the machine is.

Wall time on a shared machine mostly measures the other processes. The benchmarks therefore also
report CPU time: this process's (`time.process_time`; on SQLite it includes the database's work)
and, on a local PostgreSQL, the CPU time of this connection's server process, read from
/proc/<pid>/stat (Linux; None where that cannot be read, e.g. a remote server).
"""

from __future__ import annotations

import os

from django.db import connection


def load_average() -> str:
    """"1.20, 0.90, 0.70": the machine's load over 1, 5 and 15 minutes."""
    return ", ".join(f"{n:.2f}" for n in os.getloadavg())


def server_cpu_seconds() -> float | None:
    """CPU seconds (user + system) used so far by this connection's PostgreSQL server process."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            # The command name (field 2) may hold spaces; the fields after its ")" are fixed.
            fields = stat.read().rpartition(")")[2].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
