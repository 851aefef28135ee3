from __future__ import annotations

import json
import re

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(html: str) -> list[dict]:
    return [json.loads(block) for block in JSON_LD.findall(html)]


def graph_types(html: str) -> list[str]:
    return [node["@type"] for block in json_ld(html) for node in block["@graph"]]


def node_of(html: str, kind: str) -> dict:
    (node,) = [node for block in json_ld(html) for node in block["@graph"] if node["@type"] == kind]
    return node
