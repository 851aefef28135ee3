"""Print a `.env` for `make serve` on this machine: DEBUG off, a fresh random secret key, plain HTTP on loopback.

For a real server start from deploy/env.example instead (TLS on, your host names, PostgreSQL and Redis).
"""

import secrets

print(
    "\n".join(
        [
            "# Written by `make serve` (deploy/make_env.py): production settings for plain HTTP on loopback.",
            "DJANGO_DEBUG=0",
            f"DJANGO_SECRET_KEY={secrets.token_urlsafe(50)}",
            "DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost",
            "DJANGO_SECURE_SSL_REDIRECT=0",
            "DJANGO_SECURE_COOKIES=0",
            "DJANGO_SECURE_HSTS_SECONDS=0",
            "",
        ]
    )
)
