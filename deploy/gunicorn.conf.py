"""gunicorn settings for every app server (`make serve`, the systemd unit and the multi-server test).

Each value can be overridden from the environment (GUNICORN_BIND, GUNICORN_WORKERS, ...), so one file
serves a laptop and a production machine. Django settings come from the environment (or `.env`).
"""

import multiprocessing
import os

wsgi_app = "portal.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")
# Sync workers: the pages are short CPU-bound renders (or cache hits); 2 per core plus one.
workers = int(os.environ.get("GUNICORN_WORKERS", str(multiprocessing.cpu_count() * 2 + 1)))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5  # nginx keeps upstream connections open (see deploy/nginx/portal.conf)
# Import the app once in the master, share it with the workers (copy-on-write memory). Django opens
# database and cache connections lazily, in each worker, so nothing is shared that must not be.
preload_app = True
# Recycle a worker now and then, so memory cannot creep.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# Only nginx on this machine (or the load balancer) may set X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None  # "" turns the access log off
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
proc_name = "portal"
# No control socket: several app servers may run on one machine (the multi-server test, bench-pages).
control_socket_disable = True
