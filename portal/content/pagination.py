"""A paginator for long public lists: it pages through ids, then loads only the page's rows.

Django's Paginator slices the full queryset, so a deep page (OFFSET 3,000) makes the database sort or skip
whole rows, bodies included. Here the slice selects only the primary key (an index walk, or a narrow sort of
ids), and a second query loads the page's rows with the queryset's own joins and prefetches. Page 300 then
costs about what page 1 does: one query more than Django's paginator, whatever the page or the list's length.
"""

from __future__ import annotations

from django.core.paginator import Paginator


class IdPaginator(Paginator):
    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        ids = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        rows = {row.pk: row for row in self.object_list.filter(pk__in=ids)} if ids else {}
        return self._get_page([rows[pk] for pk in ids if pk in rows], number, self)
