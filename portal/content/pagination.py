"""A paginator for long public lists: it pages through ids, then loads only the page's rows.

Django's Paginator slices the full queryset, so a deep page (OFFSET 3,000) makes the database sort or skip
whole rows, bodies included. Here the slice selects only the primary key (an index walk, or a narrow sort of
ids), and a second query loads the page's rows with the queryset's own joins and prefetches. A page in the
back half of the list is read from the other end (the ordering reversed, a small offset), so the last page
costs what the first does and no page walks more than half of the list: one query more than Django's
paginator, whatever the page or the list's length.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import F, OrderBy


def ends_with_pk(queryset) -> bool:
    """Whether the queryset's ordering ends with its primary key, so it is total and can be reversed
    exactly (no ties that the database may break differently each way)."""
    terms = queryset.query.order_by or (queryset.model._meta.ordering if queryset.query.default_ordering else ())
    if not terms:
        return False
    last = terms[-1]
    if isinstance(last, str):
        name = last.lstrip("-")
    elif isinstance(last, OrderBy) and isinstance(last.expression, F):
        name = last.expression.name
    elif isinstance(last, F):
        name = last.name
    else:
        return False
    return name in ("pk", queryset.model._meta.pk.name, queryset.model._meta.pk.attname)


class IdPaginator(Paginator):
    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        ids_query = self.object_list.values_list("pk", flat=True)
        if self.count - top < bottom and ends_with_pk(self.object_list):
            # Nearer the end: the same rows, counted from the end of the reversed order.
            ids = list(ids_query.reverse()[self.count - top : self.count - bottom])[::-1]
        else:
            ids = list(ids_query[bottom:top])
        return self._get_page(rows_in_order(self.object_list, ids), number, self)


def first_rows(queryset, limit: int) -> list:
    """The first `limit` rows of an ordered queryset, read like an IdPaginator page: the ordering runs over
    ids only (an index, or a narrow sort), then just those rows are loaded with the queryset's preloads.
    For short lists whose ordering is computed (the home page's trials), where a plain slice would sort
    every matching row whole."""
    return rows_in_order(queryset, list(queryset.values_list("pk", flat=True)[:limit]))


def rows_in_order(queryset, ids: list) -> list:
    """The queryset's rows with these ids (its joins, preloads and annotations), in the order of `ids`."""
    rows = {row.pk: row for row in queryset.filter(pk__in=ids)} if ids else {}
    return [rows[pk] for pk in ids if pk in rows]
